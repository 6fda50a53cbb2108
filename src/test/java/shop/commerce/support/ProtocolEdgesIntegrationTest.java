package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.Response;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edges of HTTP as docs/api.md's "Methods" states them: what the server does not implement is a
 * 501 {@code NOT_IMPLEMENTED}, {@code HEAD} and {@code OPTIONS} are open wherever {@code GET} is
 * public, and an HTTP/0.9 request is refused.
 */
class ProtocolEdgesIntegrationTest extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void connectIsNotImplemented() {
        assertNotImplemented(RawHttp.send(port, "CONNECT localhost:443 HTTP/1.1", null));
        assertNotImplemented(RawHttp.send(port, "CONNECT /api/v1/products HTTP/1.1", null));
    }

    @Test
    void anUnknownTransferCodingIsNotImplemented() {
        assertNotImplemented(RawHttp.send(port, "POST /api/v1/users/1/balance/charge HTTP/1.1\r\n"
                + "Transfer-Encoding: xchunked", null));
        assertNotImplemented(RawHttp.send(port, "GET /api/v1/products HTTP/1.1\r\nTransfer-Encoding: xchunked", null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PROPFIND", "FOO", "MKCOL", "get" })
    void aMethodTheServerDoesNotImplementIsNotImplemented(String method) {
        assertNotImplemented(RawHttp.send(port, method + " /api/v1/products HTTP/1.1", null));
    }

    @Test
    void notImplementedComesBeforeTheTokenCheck() {
        assertNotImplemented(RawHttp.send(port, "PROPFIND /api/v1/users/1/balance HTTP/1.1", null));
        assertNotImplemented(RawHttp.send(port, "FOO /api/v1/users/1/balance HTTP/1.1\r\n"
                + "Authorization: Bearer not-a-token", null));
    }

    @Test
    void anImplementedMethodThePathDoesNotServeIsStillMethodNotAllowed() {
        RawHttp.Answer answer = RawHttp.send(port, "PATCH /api/v1/users/1/balance HTTP/1.1\r\nAuthorization: Bearer "
                + token(1, shop.commerce.support.security.Role.USER), "{}");
        assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).contains("GET");
    }

    @Test
    void headOnEveryPublicGetPathAnswersAsGetWithoutABody() {
        for (String path : publicGetPaths()) {
            Response get = anonymous().get(path);
            Response head = anonymous().head(path);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
            assertThat(head.contentType()).as("HEAD " + path).isEqualTo(get.contentType());
            assertThat(head.asByteArray()).as("HEAD " + path).isEmpty();
            assertThat(head.header("X-Request-Id")).as("HEAD " + path).isNotBlank();
        }
    }

    @Test
    void optionsOnEveryPublicGetPathAnswersNoContentWithAllow() {
        for (String path : publicGetPaths()) {
            Response options = anonymous().options(path);
            assertThat(options.statusCode()).as("OPTIONS " + path).isEqualTo(204);
            assertThat(options.header("Allow")).as("OPTIONS " + path).contains("GET", "HEAD", "OPTIONS");
            assertThat(options.asByteArray()).as("OPTIONS " + path).isEmpty();
            assertThat(options.header("X-Request-Id")).as("OPTIONS " + path).isNotBlank();
        }
    }

    @Test
    void headAndOptionsOnAPrivatePathStillNeedAToken() {
        assertThat(anonymous().head("/api/v1/users/1/balance").statusCode()).isEqualTo(401);
        Response options = anonymous().options("/api/v1/users/1/balance");
        assertThat(options.statusCode()).isEqualTo(401);
        assertThat(options.jsonPath().getString("code")).isEqualTo("UNAUTHENTICATED");
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET /api/v1/products\r\n", "GET /api/v1/products/top\r\n", "POST /api/v1/products\r\n",
            "GET //api/v1/products\r\n", "GET /api/v1/products/%zz\r\n" })
    void anHttp09RequestIsRefusedWithoutAnAnswer(String request) {
        assertThat(RawHttp.exchange(port, request)).isEmpty();
    }

    @Test
    void anHttp10RequestIsStillServed() {
        String answer = RawHttp.exchange(port, "GET /api/v1/products HTTP/1.0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 ");
    }

    private List<String> publicGetPaths() {
        long productId = fixtures().product("Protocol Shirt", 39_000, 5).productId();
        long couponId = fixtures().fixedCoupon("Protocol 1,000 KRW off", 1_000, 10);
        return List.of("/api/v1/products", "/api/v1/products/" + productId, "/api/v1/products/999999999",
                "/api/v1/products/top", "/api/v1/coupons/" + couponId, "/actuator/health",
                "/actuator/health/readiness");
    }

    private static void assertNotImplemented(RawHttp.Answer answer) {
        assertProblem(answer, 501, "NOT_IMPLEMENTED");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.header("X-Request-Id")).as(answer.toString()).isNotBlank();
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("code").asString()).as(answer.body()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
    }
}
