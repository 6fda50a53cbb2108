package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import shop.commerce.testing.IntegrationTestSupport;

class ApiConventionsIntegrationTest extends IntegrationTestSupport {

    @Test
    void echoesTheClientsRequestIdOnResponsesAndProblems() {
        asUser(1).header("X-Request-Id", "trace-abc-123").body("{}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(400)
                .header("X-Request-Id", "trace-abc-123")
                .body("requestId", equalTo("trace-abc-123"));
    }

    @Test
    void generatesARequestIdWhenTheClientSendsNone() {
        String requestId = asUser(1).get("/api/v1/users/1/balance")
                .then().statusCode(200).header("X-Request-Id", notNullValue()).extract().header("X-Request-Id");
        assertThat(requestId).hasSizeGreaterThan(8);
        anonymous().get("/api/v1/users/1/balance").then().statusCode(401)
                .header("X-Request-Id", notNullValue()).body("requestId", notNullValue());
    }

    @Test
    void problemsAreRfc9457WithAStableCode() {
        asUser(1).body("{\"amount\":1}").post("/api/v1/users/1/balance/charge")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("code", equalTo("INVALID_CHARGE_AMOUNT"));
    }

    @Test
    void anUnknownPathIsNotFound() {
        asUser(1).get("/api/v1/nothing-here").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        asUser(1).body("{}").post("/api/v1/nothing-here").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void anUnsupportedMethodIsMethodNotAllowed() {
        asUser(1).delete("/api/v1/users/1/balance")
                .then().statusCode(405).header("Allow", notNullValue()).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anUnsupportedMediaTypeIsRefused() {
        asUser(1).contentType(ContentType.TEXT).body("amount=1000").post("/api/v1/users/1/balance/charge")
                .then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertThat(jdbc.sql("select count(*) from balance_transaction").query(Long.class).single()).isZero();
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsTooLarge() {
        String huge = "{\"amount\":1000,\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        asUser(1).body(huge).post("/api/v1/users/1/balance/charge")
                .then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"));
        asUser(1).contentType(ContentType.TEXT).body(huge).post("/api/v1/users/1/balance/charge")
                .then().statusCode(413);
        assertThat(jdbc.sql("select count(*) from balance_transaction").query(Long.class).single()).isZero();
    }

    @Test
    void theMethodCheckComesBeforeTheSizeCheck() {
        String huge = "{\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        asUser(1).body(huge).put("/api/v1/users/1/balance").then().statusCode(405);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String large = "{\"amount\":1000,\"padding\":\"" + "x".repeat(60 * 1024) + "\"}";
        asUser(1).body(large).post("/api/v1/users/1/balance/charge").then().statusCode(200);
    }

    @Test
    void anUnreadablePathVariableIsMalformed() {
        asAdmin(1).get("/api/v1/users/abc/balance").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }
}
