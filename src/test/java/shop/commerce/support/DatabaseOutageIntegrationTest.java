package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * A request whose database connection is cut in the middle of its transaction (the fault run's
 * pg_terminate_backend, a restart, a failover) answers a 503 problem and changes nothing; the
 * same request with the same key succeeds once the database answers again. Before, the failed
 * rollback on the dead connection turned it into a 500.
 */
class DatabaseOutageIntegrationTest extends IntegrationTestSupport {

    @AfterEach
    void disarm() {
        queryCounter.cutConnectionAfter(null);
    }

    @Test
    void aChargeWhoseConnectionIsCutAnswers503AndTheRetryChargesOnce() {
        queryCounter.cutConnectionAfter("pg_try_advisory_xact_lock");

        asUser(1).header("Idempotency-Key", "cut-1").body("{\"amount\":5000}")
                .post("/api/v1/users/1/balance/charge")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE")).header("X-Request-Id", notNullValue());
        assertThat(ledgerRows(1)).isZero();

        asUser(1).header("Idempotency-Key", "cut-1").body("{\"amount\":5000}")
                .post("/api/v1/users/1/balance/charge").then().statusCode(200).body("balance", equalTo(5000));
        assertThat(ledgerRows(1)).isEqualTo(1);
    }

    @Test
    void anOrderWhoseConnectionIsCutAnswers503AndTheRetryPaysOnce() {
        CommerceFixtures fixtures = fixtures();
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 10);
        fixtures.balances(1, 1, 100_000);
        String order = """
                {"userId":1,"items":[{"productId":%d,"optionId":%d,"quantity":1}]}
                """.formatted(mug.productId(), mug.option(0));
        queryCounter.cutConnectionAfter("pg_try_advisory_xact_lock");

        asUser(1).header("Idempotency-Key", "cut-2").body(order).post("/api/v1/orders")
                .then().statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE"));
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isZero();

        asUser(1).header("Idempotency-Key", "cut-2").body(order).post("/api/v1/orders")
                .then().statusCode(201).body("status", equalTo("PAID"));
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isEqualTo(1);
        assertThat(fixtures.balance(1)).isEqualTo(85_000);
        assertThat(fixtures.stock(mug.option(0))).containsExactly(9L, 0L);
    }

    private long ledgerRows(long userId) {
        return jdbc.sql("select count(*) from balance_transaction where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }
}
