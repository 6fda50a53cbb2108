package shop.commerce.support;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import io.restassured.response.ValidatableResponse;
import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.TestTokens;

/**
 * With {@code commerce.security.jwt-issuer} and {@code jwt-audience} set, a token must carry that
 * {@code iss} and {@code aud}; {@code jwt-max-lifetime} bounds how far ahead {@code exp} may be.
 */
@TestPropertySource(properties = { "commerce.security.jwt-issuer=https://id.shop.example",
        "commerce.security.jwt-audience=commerce", "commerce.security.jwt-max-lifetime=1h",
        "commerce.security.dev-token-ttl=30m" })
class TokenIssuerAndAudienceIntegrationTest extends IntegrationTestSupport {

    private static final String ISSUER = "https://id.shop.example";

    @Value("${commerce.security.jwt-secret}")
    String secret;

    @Test
    void acceptsATokenFromTheIssuerForTheAudience() {
        withToken(sign(ISSUER, "commerce", Duration.ofMinutes(5))).statusCode(200);
        withToken(sign(ISSUER, List.of("reports", "commerce"), Duration.ofMinutes(5))).statusCode(200);
    }

    @Test
    void refusesAnotherOrNoIssuer() {
        refused(sign(null, "commerce", Duration.ofMinutes(5)));
        refused(sign("https://id.elsewhere.example", "commerce", Duration.ofMinutes(5)));
    }

    @Test
    void refusesAnotherOrNoAudience() {
        refused(sign(ISSUER, null, Duration.ofMinutes(5)));
        refused(sign(ISSUER, "reports", Duration.ofMinutes(5)));
        refused(sign(ISSUER, List.of("reports"), Duration.ofMinutes(5)));
    }

    @Test
    void refusesAnExpPastTheConfiguredLifetime() {
        withToken(sign(ISSUER, "commerce", Duration.ofMinutes(59))).statusCode(200);
        refused(sign(ISSUER, "commerce", Duration.ofMinutes(61)));
    }

    @Test
    void theServicesOwnTokensCarryTheIssuerAndAudience() {
        withToken(token(5, Role.USER)).statusCode(200);
        String devToken = anonymous().body("{\"userId\":5,\"roles\":[\"USER\"]}").post("/api/v1/dev/tokens")
                .then().statusCode(200).extract().path("token");
        withToken(devToken).statusCode(200);
    }

    private void refused(String token) {
        withToken(token).statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    private ValidatableResponse withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token).get("/api/v1/users/5/balance").then();
    }

    private String sign(String issuer, Object audience, Duration expiresIn) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "5", "roles", List.of("USER"),
                "exp", TestTokens.epochSecondsIn(expiresIn.toSeconds())));
        if (issuer != null) {
            claims.put("iss", issuer);
        }
        if (audience != null) {
            claims.put("aud", audience);
        }
        return TestTokens.sign("HS256", claims, secret);
    }
}
