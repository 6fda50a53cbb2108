package shop.commerce.support.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;

/**
 * Refuses an HTTP/0.9 request (a request line without a version) before the application sees it.
 * Tomcat would serve one, and an HTTP/0.9 answer is a bare body without a status line or headers,
 * so a refusal cannot be written either: the connection is closed without a byte.
 */
class Http09RefusalValve extends ValveBase {

    Http09RefusalValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (isHttp09(request)) {
            refuse(response);
            return;
        }
        getNext().invoke(request, response);
    }

    /** Tomcat leaves the protocol of an HTTP/0.9 request empty. */
    static boolean isHttp09(Request request) {
        String protocol = request.getProtocol();
        return protocol == null || protocol.isEmpty();
    }

    static void refuse(Response response) {
        response.setErrorReported();
        response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
    }
}
