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
        SecurityProperties properties = properties(STRONG_SECRET, Duration.ofHours(1));
        JwtIssuer issuer = new JwtIssuer(new SecurityConfig().jwtSigningKey(properties), Clock.systemUTC(), properties);
        MockEnvironment production = new MockEnvironment();

        assertThatThrownBy(() -> new DevTokenController(issuer, properties, production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only in the local run");
    }

    @Test
    void allowsDevelopmentTokensInTheLocalRun() {
        SecurityProperties properties = properties(STRONG_SECRET, Duration.ofHours(1));
        JwtIssuer issuer = new JwtIssuer(new SecurityConfig().jwtSigningKey(properties), Clock.systemUTC(), properties);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThat(new DevTokenController(issuer, properties, local)).isNotNull();
    }

    @Test
    void refusesAMissingOrShortJwtSecret() {
        assertThatThrownBy(() -> new SecurityConfig().jwtSigningKey(properties(null, Duration.ZERO)))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new SecurityConfig().jwtSigningKey(
                properties("0123456789abcdef0123456789abcde", Duration.ZERO)))
                .hasMessageContaining("COMMERCE_SECURITY_JWT_SECRET");
    }

    @Test
    void refusesDevelopmentTokensThatWouldOutliveTheLongestAcceptedToken() {
        SecurityProperties properties = properties(STRONG_SECRET, Duration.ofHours(25));
        JwtIssuer issuer = new JwtIssuer(new SecurityConfig().jwtSigningKey(properties), Clock.systemUTC(), properties);
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatThrownBy(() -> new DevTokenController(issuer, properties, local))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jwt-max-lifetime");
    }

    private static SecurityProperties properties(String secret, Duration devTokenTtl) {
        return new SecurityProperties(secret, true, devTokenTtl, Duration.ofHours(24), null, null);
    }
}
