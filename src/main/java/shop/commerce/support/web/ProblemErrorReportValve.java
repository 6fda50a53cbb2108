package shop.commerce.support.web;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request it refused before the application saw it (an undecodable path,
 * headers over the limit): a problem with a {@code code} and an {@code X-Request-Id}, in place of
 * Tomcat's HTML page. An HTTP/0.9 request gets no answer at all (see {@link Http09RefusalValve}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (Http09RefusalValve.isHttp09(request)) {
            Http09RefusalValve.refuse(response); // a body without a status line would read as a success
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        CommonErrorCode code = CommonErrorCode.forStatus(status);
        var problem = Problems.of(code, detail(code, status));
        problem.setStatus(status);
        problem.setProperty("requestId", requestId);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(Problems.asJsonObject(problem)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was already sent: nothing more to say
        }
    }

    private static String detail(CommonErrorCode code, int status) {
        if (code == CommonErrorCode.NOT_IMPLEMENTED) {
            return "The server does not implement this method or transfer coding";
        }
        return status >= 500 ? "An unexpected error occurred" : "The request was refused by the web server";
    }
}
