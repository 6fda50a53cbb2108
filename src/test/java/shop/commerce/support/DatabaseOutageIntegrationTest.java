package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.restassured.response.Response;

import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * A request whose database connection is cut in the middle of its transaction (the fault run's
 * pg_terminate_backend, a restart, a failover) answers a 503 problem and changes nothing; the
 * same request with the same key succeeds once the database answers again. Before, the failed
 * rollback on the dead connection turned it into a 500. A cut before any change was sent is
 * {@code SERVICE_UNAVAILABLE} (safe to retry); a cut after a change or a commit was sent is
 * {@code OUTCOME_UNKNOWN}, since the change may have been committed.
 */
class DatabaseOutageIntegrationTest extends IntegrationTestSupport {

    @Autowired
    TransactionTemplate transactions;

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

    @Test
    void aReservationCutBeforeItsStatementsWereSentAnswersServiceUnavailable() {
        CommerceFixtures fixtures = fixtures();
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 10);
        queryCounter.cutConnectionAfter("pg_advisory_xact_lock");

        asUser(1).body(reservation(mug)).post("/api/v1/orders")
                .then().statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE")).header("Retry-After", "1");
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isZero();
        assertThat(fixtures.stock(mug.option(0))).containsExactly(10L, 0L);
    }

    @Test
    void aChargeWhoseCommitIsLostAnswersOutcomeUnknownAndTheSameKeyChargesOnce() {
        queryCounter.cutConnectionAfter("insert into idempotency_record");

        asUser(1).header("Idempotency-Key", "cut-3").body("{\"amount\":5000}")
                .post("/api/v1/users/1/balance/charge")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("OUTCOME_UNKNOWN")).header("Retry-After", nullValue());
        assertThat(ledgerRows(1)).isZero();

        asUser(1).header("Idempotency-Key", "cut-3").body("{\"amount\":5000}")
                .post("/api/v1/users/1/balance/charge").then().statusCode(200).body("balance", equalTo(5000));
        assertThat(ledgerRows(1)).isEqualTo(1);
    }

    @Test
    void aChargeWithoutAKeyCutWhileItsStatementRunsAnswersOutcomeUnknown() throws Exception {
        CommerceFixtures fixtures = fixtures();
        fixtures.balances(1, 1, 10_000);

        Response response = cutWhileWaitingOnALock("select 1 from user_balance where user_id = 1 for update",
                "credited", () -> asUser(1).body("{\"amount\":5000}").post("/api/v1/users/1/balance/charge"));

        response.then().statusCode(503).body("code", equalTo("OUTCOME_UNKNOWN"));
        assertThat(fixtures.balance(1)).isEqualTo(10_000);
        assertThat(ledgerRows(1)).isEqualTo(1);
    }

    @Test
    void anOrderPaidAtOnceWithoutAKeyCutWhileItsStatementRunsAnswersOutcomeUnknown() throws Exception {
        CommerceFixtures fixtures = fixtures();
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 10);
        fixtures.balances(1, 1, 100_000);
        String order = """
                {"userId":1,"items":[{"productId":%d,"optionId":%d,"quantity":1}]}
                """.formatted(mug.productId(), mug.option(0));

        Response response = cutWhileWaitingOnALock(
                "select 1 from option_stock where option_id = " + mug.option(0) + " for update", "place_paid_order",
                () -> asUser(1).body(order).post("/api/v1/orders"));

        response.then().statusCode(503).body("code", equalTo("OUTCOME_UNKNOWN"));
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isZero();
        assertThat(fixtures.balance(1)).isEqualTo(100_000);
    }

    /**
     * Sends {@code request} while this test holds a row lock it needs, and terminates the request's
     * connection once its statement (recognised by {@code statementFragment}) is waiting for the
     * lock: the statement has left, and its answer never comes back.
     */
    private Response cutWhileWaitingOnALock(String lockingQuery, String statementFragment,
            Supplier<Response> request) throws Exception {
        CompletableFuture<Response> response = new CompletableFuture<>();
        transactions.executeWithoutResult(status -> {
            jdbc.sql(lockingQuery).query(Integer.class).list();
            CompletableFuture.runAsync(() -> {
                try {
                    response.complete(request.get());
                } catch (RuntimeException e) {
                    response.completeExceptionally(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    select pg_terminate_backend(pid) from pg_stat_activity
                     where pid <> pg_backend_pid() and wait_event_type = 'Lock' and query like :fragment
                    """).param("fragment", "%" + statementFragment + "%").query(Boolean.class).list()
                    .contains(true));
        });
        return response.get(30, TimeUnit.SECONDS);
    }

    private static String reservation(ProductRef product) {
        return """
                {"userId":1,"payNow":false,"items":[{"productId":%d,"optionId":%d,"quantity":1}]}
                """.formatted(product.productId(), product.option(0));
    }

    private long ledgerRows(long userId) {
        return jdbc.sql("select count(*) from balance_transaction where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }
}
