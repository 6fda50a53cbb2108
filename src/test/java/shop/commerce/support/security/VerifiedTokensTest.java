package shop.commerce.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import shop.commerce.testing.MutableClock;
import shop.commerce.testing.TestTokens;

class VerifiedTokensTest {

    private static final String SECRET = "verified-tokens-test-secret-of-32-bytes-or-more";

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder tokens = new VerifiedTokens(countingVerifier(), clock);

    @Test
    void verifiesARepeatedTokenOnce() {
        String token = token(Map.of("sub", "5", "roles", List.of("USER"), "exp", TestTokens.epochSecondsIn(600)));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("5");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("5");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        String token = token(Map.of("sub", "5", "roles", List.of("USER"), "exp", TestTokens.epochSecondsIn(60)));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(60).plus(TokenClaimRules.ALLOWED_CLOCK_SKEW).plusSeconds(5));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void verifiesAnotherSpellingOfTheSameClaimsItself() {
        Map<String, Object> claims = Map.of("sub", "5", "roles", List.of("USER"), "exp", TestTokens.epochSecondsIn(600));
        String token = token(claims);
        String reordered = TestTokens.signSegments(base64("{\"typ\":\"JWT\",\"alg\":\"HS256\"}")
                + token.substring(token.indexOf('.'), token.lastIndexOf('.')), SECRET);
        tokens.decode(token);

        assertThat(tokens.decode(reordered).getSubject()).isEqualTo("5");
        assertThat(verifications).hasValue(2);
        assertThatThrownBy(() -> tokens.decode(TestTokens.sign("HS256", claims, SECRET + "-another")))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATamperedCopyOfARememberedToken() {
        String token = token(Map.of("sub", "5", "roles", List.of("USER"), "exp", TestTokens.epochSecondsIn(600)));
        tokens.decode(token);
        String otherUser = token.substring(0, token.indexOf('.') + 1)
                + base64("{\"sub\":\"6\",\"roles\":[\"USER\"],\"exp\":" + TestTokens.epochSecondsIn(600) + "}")
                + token.substring(token.lastIndexOf('.'));

        assertThatThrownBy(() -> tokens.decode(otherUser)).isInstanceOf(JwtException.class);
        // the same signature bytes spelled another way: StrictJwtDecoder's rules still apply
        assertThatThrownBy(() -> tokens.decode(TestTokens.withSignatureLastCharacterRespelled(token)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void remembersNoRefusal() {
        String tooLong = token(Map.of("sub", "5", "roles", List.of("USER"), "exp", TestTokens.epochSecondsIn(3 * 86_400)));

        assertThatThrownBy(() -> tokens.decode(tooLong)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(tooLong)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder countingVerifier() {
        NimbusJwtDecoder verifier = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        verifier.setJwtValidator(TokenClaimRules.of(
                new SecurityProperties(SECRET, false, Duration.ofHours(12), Duration.ofHours(24), null, null), clock));
        JwtDecoder strict = new StrictJwtDecoder(verifier);
        return token -> {
            verifications.incrementAndGet();
            return strict.decode(token);
        };
    }

    private static String token(Map<String, Object> claims) {
        return TestTokens.sign("HS256", claims, SECRET);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
