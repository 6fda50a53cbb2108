package shop.commerce.support.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code commerce.idempotency.ttl}: how long a finished outcome is kept for replay. */
@ConfigurationProperties("commerce.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl) {
}
