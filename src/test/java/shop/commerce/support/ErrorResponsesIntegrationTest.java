package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every answer is a problem with a code and a request id, whoever refused the request. */
class ErrorResponsesIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/orders/../users/1/balance", "//api/v1/products", "/api/v1/products;x=1",
            "/api/v1/products/%2500", "/api/v1/products/%0d%0a", "/api/v1/users/1/balance/%2e%2e/x" })
    void requestsTheSecurityFirewallRefusesAreProblems(String path) {
        assertProblem(RawHttp.send(port, "GET " + path + " HTTP/1.1", null), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/products/a%2Fb", "/api/v1/products/%00", "/api/v1/products/{1}",
            "/api/v1/products/%zz" })
    void requestsTomcatRefusesAreProblems(String path) {
        assertProblem(RawHttp.send(port, "GET " + path + " HTTP/1.1", null), 400);
    }

    @Test
    void headersOverTheLimitAreAProblem() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/v1/products HTTP/1.1\r\nX-Padding: " + "x".repeat(20_000),
                null);
        assertThat(answer.status()).isBetween(400, 431);
        assertProblemBody(answer);
    }

    @Test
    void aNonAsciiIdempotencyKeyIsAProblem() {
        String token = token(1, shop.commerce.support.security.Role.USER);
        RawHttp.Answer answer = RawHttp.send(port, "POST /api/v1/users/1/balance/charge HTTP/1.1\r\n"
                + "Authorization: Bearer " + token + "\r\nIdempotency-Key: caf\u00e9\u0001", "{\"amount\":1000}");
        assertThat(answer.status()).isEqualTo(400);
        assertProblemBody(answer);
        assertThat(fixtures().balance(1)).isZero();
    }

    @Test
    void theErrorPathItselfIsNotFound() {
        assertProblem(RawHttp.send(port, "GET /error HTTP/1.1", null), 404);
        assertProblem(RawHttp.send(port, "POST /error HTTP/1.1", "{}"), 404);
    }

    @Test
    void traceIsRefusedAsAProblem() {
        RawHttp.Answer answer = RawHttp.send(port, "TRACE /api/v1/products HTTP/1.1", null);
        assertThat(answer.status()).isEqualTo(405);
        assertProblemBody(answer);
    }

    @Test
    void theClientsRequestIdIsKeptOnRefusals() {
        String requestId = UUID.randomUUID().toString();
        RawHttp.Answer answer = RawHttp.send(port, "GET //api/v1/products HTTP/1.1\r\nX-Request-Id: " + requestId, null);
        assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(JSON.readTree(answer.body()).path("requestId").asString()).isEqualTo(requestId);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertProblemBody(answer);
    }

    private static void assertProblemBody(RawHttp.Answer answer) {
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.header("X-Request-Id")).as(answer.toString()).isNotBlank();
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asString()).as(answer.body()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(answer.status());
        assertThat(body.path("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
    }
}
