package shop.commerce.support.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.security.*}. The JWT secret has no default: outside the local run it must be
 * provided (at least 32 bytes), and start-up fails otherwise.
 */
@ConfigurationProperties("commerce.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("false") boolean devTokensEnabled,
        @DefaultValue("12h") Duration devTokenTtl, @DefaultValue("24h") Duration jwtMaxLifetime, String jwtIssuer,
        String jwtAudience) {
}
