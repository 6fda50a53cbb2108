package shop.commerce.support.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.web.*}: how long a client may take to send a request body.
 *
 * @param requestBodyDeadline from the moment the request's headers are read to its body's last byte
 * @param requestBodyPause the longest silence between two packets of a body (Tomcat's upload timeout);
 *        only a body's reads hold a worker thread, so a connection that waits for its first request
 *        is bounded by {@code server.tomcat.connection-timeout} instead
 */
@ConfigurationProperties("commerce.web")
public record RequestBodyDeadlineProperties(@DefaultValue("10s") Duration requestBodyDeadline,
        @DefaultValue("5s") Duration requestBodyPause) {
}
