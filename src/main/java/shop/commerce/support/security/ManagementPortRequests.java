package shop.commerce.support.security;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that came in on the management port ({@code management.server.port}, when it is set and
 * differs from the API port): a port that only operators and Prometheus reach, where the actuator
 * endpoints are open. The port is read from the connection, never from a header.
 */
@Component
class ManagementPortRequests implements RequestMatcher {

    private final Environment environment;

    ManagementPortRequests(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Integer managementPort = environment.getProperty("local.management.port", Integer.class);
        Integer serverPort = environment.getProperty("local.server.port", Integer.class);
        return managementPort != null && !managementPort.equals(serverPort) && request.getLocalPort() == managementPort;
    }
}
