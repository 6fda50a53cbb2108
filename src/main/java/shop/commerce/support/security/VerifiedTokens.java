package shop.commerce.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Verifies a token once and remembers it until its {@code exp}: a client sends the same token with
 * every request, and parsing, the signature and {@link TokenClaimRules} cost more than a digest
 * and a lookup. Entries are keyed by the SHA-256 of the token's exact text, so another spelling of
 * the same claims (or a tampered signature) is a different key and verified in full; only a token
 * that passed every check is remembered. A remembered token is answered only while the
 * application clock is before its {@code exp}; from then on it is verified again, and the
 * verifier's own rules (clock skew included) decide.
 */
final class VerifiedTokens implements JwtDecoder {

    /** About 1.5 KB each: 20,000 signed-in clients cost some 30 MB at most. */
    static final int MAX_REMEMBERED = 20_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
                .expireAfter(Expiry.creating((String digest, Jwt jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String digest = digest(token);
        Jwt remembered = verified.getIfPresent(digest);
        if (remembered != null && clock.instant().isBefore(remembered.getExpiresAt())) {
            return remembered;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(digest, jwt);
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
