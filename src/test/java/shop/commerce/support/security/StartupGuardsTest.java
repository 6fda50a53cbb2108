package shop.commerce.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupGuardsTest {

    private static final String STRONG_SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void refusesDevelopmentTokensOutsideTheLocalRun() {
        SecurityProperties properties = new SecurityProperties(STRONG_SECRET, true, Duration.ofHours(1));
        JwtIssuer issuer = new JwtIssuer(new SecurityConfig().jwtSigningKey(properties), Clock.systemUTC());
        MockEnvironment production = new MockEnvironment();

        assertThatThrownBy(() -> new DevTokenController(issuer, properties, production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only in the local run");
    }

    @Test
    void allowsDevelopmentTokensInTheLocalRun() {
        SecurityProperties properties = new SecurityProperties(STRONG_SECRET, true, Duration.ofHours(1));
        JwtIssuer issuer = new JwtIssuer(new SecurityConfig().jwtSigningKey(properties), Clock.systemUTC());
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThat(new DevTokenController(issuer, properties, local)).isNotNull();
    }

    @Test
    void refusesAMissingOrShortJwtSecret() {
        assertThatThrownBy(() -> new SecurityConfig().jwtSigningKey(new SecurityProperties(null, false, Duration.ZERO)))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new SecurityConfig().jwtSigningKey(
                new SecurityProperties("0123456789abcdef0123456789abcde", false, Duration.ZERO)))
                .hasMessageContaining("COMMERCE_SECURITY_JWT_SECRET");
    }
}
