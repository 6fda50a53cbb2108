package shop.commerce.support;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Value;

import io.restassured.response.ValidatableResponse;
import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.TestTokens;

/**
 * One token has one spelling and one meaning (docs/api.md, "Tokens"): every form below is a 401
 * {@code UNAUTHENTICATED}, and the well-formed ones still pass.
 */
class TokenFormsIntegrationTest extends IntegrationTestSupport {

    /** 1 January 10000, 00:00 UTC. */
    private static final long YEAR_10000 = 253_402_300_800L;

    @Value("${commerce.security.jwt-secret}")
    String secret;

    @TestFactory
    Stream<DynamicTest> refusesEveryOtherForm() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("roles missing", sign(claims("5", null, in(Duration.ofMinutes(5)))));
        tokens.put("roles null", sign(withRolesNull(claims("5", List.of(), in(Duration.ofMinutes(5))))));
        tokens.put("roles empty", sign(claims("5", List.of(), in(Duration.ofMinutes(5)))));
        tokens.put("roles [SUPERUSER]", sign(claims("5", List.of("SUPERUSER"), in(Duration.ofMinutes(5)))));
        tokens.put("roles [USER, SUPERUSER]", sign(claims("5", List.of("USER", "SUPERUSER"), in(Duration.ofMinutes(5)))));
        tokens.put("roles [user]", sign(claims("5", List.of("user"), in(Duration.ofMinutes(5)))));
        tokens.put("roles a string", sign(claims("5", "USER", in(Duration.ofMinutes(5)))));
        tokens.put("roles [USER, 1]", sign(claims("5", List.of("USER", 1), in(Duration.ofMinutes(5)))));
        tokens.put("sub a JSON number", sign(claims(5, List.of("USER"), in(Duration.ofMinutes(5)))));
        tokens.put("sub missing", sign(claims(null, List.of("USER"), in(Duration.ofMinutes(5)))));
        tokens.put("sub 0", sign(claims("0", List.of("USER"), in(Duration.ofMinutes(5)))));
        tokens.put("sub past a 64-bit integer", sign(claims("9223372036854775808", List.of("USER"),
                in(Duration.ofMinutes(5)))));
        tokens.put("signature padded with =", TestTokens.withPaddedSignature(wellFormed()));
        tokens.put("signature in the +/ alphabet", inStandardAlphabet());
        tokens.put("signature's last character respelled",
                TestTokens.withSignatureLastCharacterRespelled(wellFormed()));
        tokens.put("payload padded with =", paddedPayload());
        tokens.put("exp missing", sign(claims("5", List.of("USER"), null)));
        tokens.put("exp 45 s in the past", sign(claims("5", List.of("USER"), in(Duration.ofSeconds(-45)))));
        tokens.put("exp a minute past 24 h ahead", sign(claims("5", List.of("USER"),
                in(Duration.ofHours(24).plusMinutes(1)))));
        tokens.put("exp in the year 10000", sign(claims("5", List.of("USER"), YEAR_10000)));
        tokens.put("alg HS512", TestTokens.sign("HS512", claims("5", List.of("USER"), in(Duration.ofMinutes(5))),
                secret));
        tokens.put("alg none", TestTokens.algNone(claims("5", List.of("USER"), in(Duration.ofMinutes(5)))));
        return tokens.entrySet().stream().map(form -> DynamicTest.dynamicTest(form.getKey(),
                () -> withToken(form.getValue()).statusCode(401).body("code", equalTo("UNAUTHENTICATED"))));
    }

    @TestFactory
    Stream<DynamicTest> acceptsWellFormedTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("roles [USER]", wellFormed());
        tokens.put("roles [ADMIN]", sign(claims("5", List.of("ADMIN"), in(Duration.ofMinutes(5)))));
        tokens.put("roles [USER, ADMIN]", sign(claims("5", List.of("USER", "ADMIN"), in(Duration.ofMinutes(5)))));
        tokens.put("exp 20 s in the past", sign(claims("5", List.of("USER"), in(Duration.ofSeconds(-20)))));
        tokens.put("exp a minute short of 24 h ahead", sign(claims("5", List.of("USER"),
                in(Duration.ofHours(24).minusMinutes(1)))));
        tokens.put("the service's own issuer", token(5, Role.USER));
        return tokens.entrySet().stream().map(form -> DynamicTest.dynamicTest(form.getKey(),
                () -> withToken(form.getValue()).statusCode(200)));
    }

    @Test
    void acceptsADevelopmentToken() {
        String token = anonymous().body("{\"userId\":5,\"roles\":[\"USER\"]}").post("/api/v1/dev/tokens")
                .then().statusCode(200).extract().path("token");
        withToken(token).statusCode(200);
    }

    private ValidatableResponse withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token).get("/api/v1/users/5/balance").then();
    }

    private String wellFormed() {
        return sign(claims("5", List.of("USER"), in(Duration.ofMinutes(5))));
    }

    /** A well-formed token whose signature has a {@code -} or {@code _}, written as {@code +} or {@code /}. */
    private String inStandardAlphabet() {
        for (long seconds = 300; seconds < 400; seconds++) {
            String token = sign(claims("5", List.of("USER"), in(Duration.ofSeconds(seconds))));
            String signature = token.substring(token.lastIndexOf('.') + 1);
            if (signature.contains("-") || signature.contains("_")) {
                return token.substring(0, token.lastIndexOf('.') + 1) + signature.replace('-', '+').replace('_', '/');
            }
        }
        throw new IllegalStateException("no signature with - or _ in a hundred tokens");
    }

    /** A well-formed token whose payload is padded with {@code =}, signed as it is spelled. */
    private String paddedPayload() {
        // a claim of one, two or three characters changes the payload's length in bytes until
        // its base64 needs padding
        for (int length = 1; length <= 3; length++) {
            Map<String, Object> claims = claims("5", List.of("USER"), in(Duration.ofMinutes(5)));
            claims.put("jti", "x".repeat(length));
            String[] segments = sign(claims).split("\\.");
            if (segments[1].length() % 4 != 0) {
                String payload = segments[1] + "=".repeat(4 - segments[1].length() % 4);
                return TestTokens.signSegments(segments[0] + "." + payload, secret);
            }
        }
        throw new IllegalStateException("three payload lengths in a row were multiples of three bytes");
    }

    private static Map<String, Object> claims(Object subject, Object roles, Long expiresAt) {
        Map<String, Object> claims = new HashMap<>();
        if (subject != null) {
            claims.put("sub", subject);
        }
        if (roles != null) {
            claims.put("roles", roles);
        }
        if (expiresAt != null) {
            claims.put("exp", expiresAt);
        }
        return claims;
    }

    private static Map<String, Object> withRolesNull(Map<String, Object> claims) {
        claims.put("roles", null);
        return claims;
    }

    private static long in(Duration duration) {
        return TestTokens.epochSecondsIn(duration.toSeconds());
    }

    private String sign(Map<String, Object> claims) {
        return TestTokens.sign("HS256", claims, secret);
    }
}
