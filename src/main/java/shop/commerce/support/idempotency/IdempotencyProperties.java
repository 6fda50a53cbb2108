package shop.commerce.support.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.idempotency.*}.
 *
 * @param ttl how long a finished outcome is kept for replay
 * @param purgeInterval how often outcomes past their time are deleted
 */
@ConfigurationProperties("commerce.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("10m") Duration purgeInterval) {
}
