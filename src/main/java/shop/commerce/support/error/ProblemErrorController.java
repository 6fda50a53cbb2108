package shop.commerce.support.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error page: whatever was refused before Spring MVC could answer (a
 * {@code sendError} from a filter, an exception thrown by one) is answered as a problem like the
 * rest of the API. Asked for directly, {@code /error} is a path like any other that does not exist.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        CommonErrorCode code = status instanceof Integer value ? CommonErrorCode.forStatus(value)
                : CommonErrorCode.NOT_FOUND;
        int statusCode = status instanceof Integer value ? value : code.status().value();
        boolean failed = statusCode >= 500 && code != CommonErrorCode.NOT_IMPLEMENTED;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && failed) {
            log.error("Request failed before reaching the API", failure);
        }
        ProblemDetail problem = Problems.of(code, failed ? "An unexpected error occurred"
                : "The request was refused: " + code.title().toLowerCase(java.util.Locale.ROOT));
        problem.setStatus(statusCode);
        return ResponseEntity.status(statusCode).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
