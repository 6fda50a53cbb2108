package shop.commerce.support.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.web.*}: how long a client may take to send a request body.
 *
 * @param requestBodyDeadline from the moment the request's headers are read to its body's last byte;
 *        a pause between two packets is bounded by {@code server.tomcat.connection-timeout} as well
 */
@ConfigurationProperties("commerce.web")
public record RequestBodyDeadlineProperties(@DefaultValue("10s") Duration requestBodyDeadline) {
}
