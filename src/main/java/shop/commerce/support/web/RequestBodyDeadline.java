package shop.commerce.support.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link RequestBodyDeadlineValve} in front of the application, and gives body reads their own
 * socket timeout (Tomcat's upload timeout), shorter than the wait for a connection's first request.
 */
@Component
class RequestBodyDeadline implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final RequestBodyDeadlineProperties properties;

    RequestBodyDeadline(RequestBodyDeadlineProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new RequestBodyDeadlineValve(properties.requestBodyDeadline()));
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty("connectionUploadTimeout", String.valueOf(properties.requestBodyPause().toMillis()));
        });
    }
}
