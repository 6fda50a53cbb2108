package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

import io.restassured.http.Headers;
import io.restassured.response.ValidatableResponse;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.TestTokens;

class SecurityIntegrationTest extends IntegrationTestSupport {

    @Value("${commerce.security.jwt-secret}")
    String secret;

    @Test
    void acceptsAValidToken() {
        withToken(sign("HS256", userClaims("5", Duration.ofMinutes(5))))
                .statusCode(200);
    }

    @Test
    void rejectsARequestWithoutAToken() {
        anonymous().get("/api/v1/users/5/balance").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "a.b.c", "Bearer", "eyJhbGciOiJIUzI1NiJ9.e30." })
    void rejectsAMalformedToken(String token) {
        withToken(token).statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        String forged = sign("HS256", userClaims("5", Duration.ofMinutes(5)),
                "another-secret-that-is-long-enough-0123456789");
        withToken(forged).statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void rejectsAnAlgorithmOtherThanHs256() {
        withToken(sign("HS512", userClaims("5", Duration.ofMinutes(5)))).statusCode(401);
        String unsigned = base64("{\"alg\":\"none\"}") + "."
                + base64("{\"sub\":\"5\",\"roles\":[\"USER\"],\"exp\":" + epochIn(Duration.ofMinutes(5)) + "}") + ".";
        withToken(unsigned).statusCode(401);
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        withToken(sign("HS256", Map.of("sub", "5", "roles", List.of("USER")))).statusCode(401);
    }

    @Test
    void toleratesThirtySecondsOfClockSkewButNoMore() {
        withToken(sign("HS256", userClaims("5", Duration.ofSeconds(-20)))).statusCode(200);
        withToken(sign("HS256", userClaims("5", Duration.ofSeconds(-45)))).statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-5", "abc", "5.0", "99999999999999999999" })
    void rejectsASubjectThatIsNotAPositiveUserId(String subject) {
        String token = sign("HS256", userClaims(subject, Duration.ofMinutes(5)));
        anonymous().auth().oauth2(token).get("/api/v1/users/5/balance").then().statusCode(401);
    }

    @Test
    void onlyAdministratorsReachTheAdminApi() {
        asUser(1).body("{}").post("/api/v1/admin/anything").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        anonymous().body("{}").post("/api/v1/admin/anything").then().statusCode(401);
        asAdmin(1).body("{}").post("/api/v1/admin/anything").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void issuesDevelopmentTokensInTheLocalRun() {
        String token = anonymous().body("{\"userId\":42,\"roles\":[\"USER\"]}").post("/api/v1/dev/tokens")
                .then().statusCode(200).body("token", notNullValue()).body("expiresAt", notNullValue())
                .extract().path("token");
        anonymous().auth().oauth2(token).get("/api/v1/users/42/balance").then().statusCode(200);
        anonymous().auth().oauth2(token).get("/api/v1/users/43/balance").then().statusCode(403);
    }

    @Test
    void rejectsADevelopmentTokenRequestWithoutAValidUser() {
        anonymous().body("{\"userId\":0}").post("/api/v1/dev/tokens")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        anonymous().body("{\"userId\":1,\"roles\":[\"ROOT\"]}").post("/api/v1/dev/tokens")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    /** Anonymous public reads take a chain of their own (SecurityConfig): the same headers come back. */
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/products", "/api/v1/products/987654321", "/api/v1/coupons/987654321" })
    void writesTheSameSecurityHeadersOnAPublicReadWithOrWithoutAToken(String path) {
        Headers withoutToken = anonymous().get(path).then().extract().headers();
        Headers withToken = asUser(5).get(path).then().extract().headers();
        for (String name : List.of("X-Content-Type-Options", "X-Frame-Options", "Cache-Control", "Pragma", "Expires")) {
            assertThat(withoutToken.getValue(name)).as(name).isNotNull().isEqualTo(withToken.getValue(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/products", "/api/v1/products/987654321", "/api/v1/coupons/987654321" })
    void refusesABadTokenOnAPublicReadToo(String path) {
        anonymous().header("Authorization", "Bearer garbage").get(path).then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        String expired = sign("HS256", userClaims("5", Duration.ofMinutes(-5)));
        anonymous().auth().oauth2(expired).get(path).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    private ValidatableResponse withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token).get("/api/v1/users/5/balance").then();
    }

    /** The claims of a well-formed USER token for the subject, expiring after the duration. */
    private Map<String, Object> userClaims(String subject, Duration expiresIn) {
        return Map.of("sub", subject, "roles", List.of("USER"), "exp", epochIn(expiresIn));
    }

    private long epochIn(Duration duration) {
        return Instant.now().plus(duration).getEpochSecond();
    }

    private String sign(String algorithm, Map<String, Object> claims) {
        return TestTokens.sign(algorithm, claims, secret);
    }

    private static String sign(String algorithm, Map<String, Object> claims, String key) {
        return TestTokens.sign(algorithm, claims, key);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
