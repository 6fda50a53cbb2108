package shop.commerce.support.security;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that came in on the management port ({@code management.server.port}, when it is set and
 * differs from the API port): a port that only operators and Prometheus reach, where the actuator
 * endpoints are open. The port is read from the connection, never from a header. The ports are
 * taken from the servers as they start (the management server's event reaches this, the parent
 * context, too), not looked up in the environment on every request.
 */
@Component
class ManagementPortRequests implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT = "management";
    private static final int NONE = -1;

    private volatile int managementPort = NONE;
    private volatile int serverPort = NONE;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        if (MANAGEMENT.equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = port;
        } else if (event.getApplicationContext().getServerNamespace() == null) {
            serverPort = port;
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        int management = managementPort;
        return management != NONE && management != serverPort && request.getLocalPort() == management;
    }
}
