package shop.commerce.support.error;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import shop.commerce.support.persistence.SentChanges;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception into an RFC 9457 problem with a stable {@code code}. Spring MVC's own
 * exceptions keep the status Spring gives them; only their body is completed here. Every problem is
 * sent as {@code application/problem+json} whatever the request's {@code Accept} says: negotiated,
 * an unreadable or non-JSON {@code Accept} would leave a refusal without its body.
 */
@RestControllerAdvice
public class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ProblemDetail> handleBusiness(BusinessException exception) {
        ResponseEntity.BodyBuilder response = problem(exception.errorCode().status());
        if (exception.properties().get("retryAfterSeconds") instanceof Long seconds) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return response.body(Problems.of(exception));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException exception) {
        List<FieldViolation> violations = exception.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        ProblemDetail problem = Problems.of(CommonErrorCode.VALIDATION_FAILED, "The request has invalid fields");
        return problem(HttpStatus.BAD_REQUEST).body(Problems.withViolations(problem, violations));
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException exception) {
        return problem(HttpStatus.BAD_REQUEST).body(Problems.of(CommonErrorCode.MALFORMED_REQUEST,
                "The request was refused: " + exception.getMessage()));
    }

    // TransactionSystemException: the commit or rollback itself failed, which is what a connection
    // cut in the middle of a transaction (a restart, a failover, pg_terminate_backend) looks like
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            QueryTimeoutException.class, TransactionSystemException.class })
    ResponseEntity<ProblemDetail> handleUnavailable(Exception exception) {
        if (SentChanges.anySent()) {
            log.warn("A dependency failed after a change was sent: {}", exception.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(
                    CommonErrorCode.OUTCOME_UNKNOWN, "The database connection failed after the change was sent, so"
                            + " it may have taken effect: repeat it only with the same Idempotency-Key, or read the"
                            + " result first"));
        }
        log.warn("A dependency is unavailable: {}", exception.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(CommonErrorCode.SERVICE_UNAVAILABLE, "A dependency is unavailable; retry shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception exception) {
        log.error("Unhandled exception", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(CommonErrorCode.INTERNAL_ERROR, "An unexpected error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        exception.getBindingResult().getFieldErrors().forEach(e -> violations.add(
                new FieldViolation(e.getField(), e.isBindingFailure() ? "unreadable value" : message(e))));
        exception.getBindingResult().getGlobalErrors()
                .forEach(e -> violations.add(new FieldViolation(e.getObjectName(), message(e))));
        boolean unreadable = exception.getBindingResult().getFieldErrors().stream().anyMatch(FieldError::isBindingFailure);
        ProblemDetail problem = unreadable
                ? Problems.of(CommonErrorCode.MALFORMED_REQUEST, "The request has unreadable parameters")
                : Problems.of(CommonErrorCode.VALIDATION_FAILED, "The request has invalid fields");
        return problem(HttpStatus.BAD_REQUEST).body(Problems.withViolations(problem, violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        exception.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error -> violations.add(new FieldViolation(parameterName(result.getMethodParameter()
                        .getParameterName(), error), message(error)))));
        ProblemDetail problem = Problems.of(CommonErrorCode.VALIDATION_FAILED, "The request has invalid parameters");
        return problem(HttpStatus.BAD_REQUEST).body(Problems.withViolations(problem, violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(exception, RequestBodyTimeoutException.class)) {
            return problem(HttpStatus.REQUEST_TIMEOUT).body(Problems.of(
                    CommonErrorCode.REQUEST_TIMEOUT, "The request body was not received in time"));
        }
        if (causedBy(exception, PayloadTooLargeException.class)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(
                    CommonErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds the limit"));
        }
        ProblemDetail problem = Problems.of(CommonErrorCode.MALFORMED_REQUEST, "The request body is not readable JSON"
                + " of the expected shape");
        String field = offendingField(exception);
        if (field != null) {
            problem.setDetail("The field '" + field + "' has an unreadable value");
            Problems.withViolations(problem, List.of(new FieldViolation(field, "unreadable value")));
        }
        return problem(HttpStatus.BAD_REQUEST).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatus(statusCode);
        ErrorCode code = CommonErrorCode.forStatus(statusCode.value());
        Problems.decorate(problem, code);
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            problem.setDetail("The parameter '" + mismatch.getName() + "' has an unreadable value");
            Problems.withViolations(problem, List.of(new FieldViolation(mismatch.getName(), "unreadable value")));
        }
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", exception);
        }
        return problem(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A problem answer: its content type is set, so no Accept header can leave it without a body. */
    private static ResponseEntity.BodyBuilder problem(HttpStatusCode status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> cause) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (cause.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String offendingField(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : databind.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "invalid";
    }

    private static String parameterName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError fieldError ? fieldError.getField() : parameter;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
