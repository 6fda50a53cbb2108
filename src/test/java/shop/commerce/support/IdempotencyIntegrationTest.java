package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.commerce.testing.IntegrationTestSupport;

class IdempotencyIntegrationTest extends IntegrationTestSupport {

    private static final String CHARGE = "/api/v1/users/1/balance/charge";

    @Test
    void replaysTheStoredResponseForTheSameKeyAndRequest() {
        Response first = asUser(1).header("Idempotency-Key", "k-1").body("{\"amount\":5000}").post(CHARGE);
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue());

        Response replay = asUser(1).header("Idempotency-Key", "k-1").body("{ \"amount\" : 5000 }").post(CHARGE);
        replay.then().statusCode(200).header("Idempotent-Replayed", "true");

        assertThat(replay.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(chargeCount()).isEqualTo(1);
        asUser(1).get("/api/v1/users/1/balance").then().body("balance", equalTo(5000));
    }

    @Test
    void comparesBodiesAsParsedJson() {
        asUser(1).header("Idempotency-Key", "k-json").body("{\"amount\":5000,\"note\":\"a\"}").post(CHARGE)
                .then().statusCode(200);
        asUser(1).header("Idempotency-Key", "k-json").body("{\"note\":\"a\",  \"amount\":5000}").post(CHARGE)
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(chargeCount()).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyForADifferentRequest() {
        asUser(1).header("Idempotency-Key", "k-2").body("{\"amount\":5000}").post(CHARGE).then().statusCode(200);
        asUser(1).header("Idempotency-Key", "k-2").body("{\"amount\":6000}").post(CHARGE)
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        asUser(1).header("Idempotency-Key", "k-2").get("/api/v1/users/1/balance").then().statusCode(200);
        assertThat(chargeCount()).isEqualTo(1);
    }

    @Test
    void storesARefusalByTheBusinessRules() {
        jdbc.sql("insert into user_balance (user_id, balance, updated_at) values (1, 9999000, now())").update();
        asUser(1).header("Idempotency-Key", "k-3").body("{\"amount\":2000}").post(CHARGE)
                .then().statusCode(409).body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));
        jdbc.sql("update user_balance set balance = 0 where user_id = 1").update();

        asUser(1).header("Idempotency-Key", "k-3").body("{\"amount\":2000}").post(CHARGE)
                .then().statusCode(409).header("Idempotent-Replayed", "true")
                .contentType("application/problem+json").body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));
        assertThat(chargeCount()).isZero();
    }

    @Test
    void keepsADigestOfTheRequestSoALargeBodyLeavesASmallRecord() {
        jdbc.sql("insert into user_balance (user_id, balance, updated_at) values (1, 10000000, now())").update();
        String pad = "x".repeat(60 * 1024);
        asUser(1).header("Idempotency-Key", "k-big").body("{\"amount\":1000,\"pad\":\"" + pad + "\"}")
                .post(CHARGE).then().statusCode(409).body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));

        assertThat(jdbc.sql("select request_body is null from idempotency_record where idempotency_key = 'k-big'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select pg_column_size(r.*) from idempotency_record r where idempotency_key = 'k-big'")
                .query(Integer.class).single()).isLessThan(1024);

        asUser(1).header("Idempotency-Key", "k-big").body("{ \"pad\" : \"" + pad + "\", \"amount\" : 1000 }")
                .post(CHARGE).then().statusCode(409).header("Idempotent-Replayed", "true");
        asUser(1).header("Idempotency-Key", "k-big").body("{\"amount\":1000,\"pad\":\"" + pad + "y\"}")
                .post(CHARGE).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void comparesARecordWrittenBeforeDigestsByItsBody() {
        jdbc.sql("""
                insert into idempotency_record (user_id, idempotency_key, request_method, request_path, request_body,
                       response_status, response_content_type, response_body, created_at, expires_at)
                values (1, 'k-old', 'POST', '/api/v1/users/1/balance/charge', '{"amount":7000}', 200,
                        'application/json', '{"userId":1,"balance":7000}', now(), now() + interval '1 hour')
                """).update();

        asUser(1).header("Idempotency-Key", "k-old").body("{ \"amount\" : 7000 }").post(CHARGE)
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("balance", equalTo(7000));
        asUser(1).header("Idempotency-Key", "k-old").body("{\"amount\":8000}").post(CHARGE)
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(chargeCount()).isZero();
    }

    @Test
    void doesNotStoreABadRequestSoTheClientMayFixIt() {
        asUser(1).header("Idempotency-Key", "k-4").body("{\"amount\":10}").post(CHARGE)
                .then().statusCode(400).body("code", equalTo("INVALID_CHARGE_AMOUNT"));
        asUser(1).header("Idempotency-Key", "k-4").body("{\"amount\":1000}").post(CHARGE)
                .then().statusCode(200).header("Idempotent-Replayed", nullValue());
        assertThat(chargeCount()).isEqualTo(1);
    }

    @Test
    void scopesKeysToTheAuthenticatedUser() {
        asUser(1).header("Idempotency-Key", "shared").body("{\"amount\":1000}").post(CHARGE).then().statusCode(200);
        asUser(2).header("Idempotency-Key", "shared").body("{\"amount\":1000}").post("/api/v1/users/2/balance/charge")
                .then().statusCode(200).header("Idempotent-Replayed", nullValue());
        assertThat(chargeCount()).isEqualTo(2);
    }

    @Test
    void forgetsAKeyAfterItsRetention() {
        asUser(1).header("Idempotency-Key", "k-5").body("{\"amount\":1000}").post(CHARGE).then().statusCode(200);
        clock.advance(Duration.ofHours(23));
        asUser(1).header("Idempotency-Key", "k-5").body("{\"amount\":1000}").post(CHARGE)
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        clock.advance(Duration.ofHours(2));
        asUser(1).header("Idempotency-Key", "k-5").body("{\"amount\":1000}").post(CHARGE)
                .then().statusCode(200).header("Idempotent-Replayed", nullValue());
        assertThat(chargeCount()).isEqualTo(2);
    }

    @Test
    void rejectsAnInvalidKey() {
        asUser(1).header("Idempotency-Key", "x".repeat(256)).body("{\"amount\":1000}").post(CHARGE)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asUser(1).header("Idempotency-Key", "has space").body("{\"amount\":1000}").post(CHARGE)
                .then().statusCode(400);
        assertThat(chargeCount()).isZero();
    }

    private long chargeCount() {
        return jdbc.sql("select count(*) from balance_transaction where type = 'CHARGE'").query(Long.class).single();
    }
}
