package shop.commerce.support.error;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

import shop.commerce.support.web.RequestIdFilter;

/** Builds the RFC 9457 problem details every error of the API is answered with. */
public final class Problems {

    private static final String TYPE_BASE = "https://commerce.shop/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        decorate(problem, code);
        return problem;
    }

    public static ProblemDetail of(BusinessException exception) {
        ProblemDetail problem = of(exception.errorCode(), exception.getMessage());
        exception.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail withViolations(ProblemDetail problem, List<FieldViolation> violations) {
        problem.setProperty("errors", violations);
        return problem;
    }

    /** Sets type, title, {@code code} and {@code requestId} on a problem made elsewhere. */
    public static void decorate(ProblemDetail problem, ErrorCode code) {
        problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(code.title());
        problem.setProperty("code", code.name());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    /** The problem as the flat JSON object it is sent as, for writers outside Spring MVC. */
    public static Map<String, Object> asJsonObject(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
