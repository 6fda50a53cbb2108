package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.SecondInstance;

/**
 * Two instances batch pay-now orders (PaymentBatcher) against one hot option and one hot user at
 * once: every batch locks its rows in the global order, so none deadlocks, and the books add up.
 */
class PaymentBatchConcurrencyTest extends IntegrationTestSupport {

    private static final String BATCH_SIZES = "commerce.order.payment.batch.orders";

    @Autowired
    private MeterRegistry meters;

    private CommerceFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = fixtures();
    }

    @Test
    void twoInstancesBatchingAgainstOneHotOptionAndOneHotUserNeitherDeadlockNorOversell() throws Exception {
        ProductRef hot = fixtures.product("Hot Hoodie", 10_000, 150);
        fixtures.balances(1, 1, 600_000);
        fixtures.balances(2, 151, 1_000_000);
        List<String> tokens = new ArrayList<>();
        for (int user = 1; user <= 151; user++) {
            tokens.add(token(user, Role.USER));
        }
        // the first instance keeps one payment statement in flight (the default), the second two
        try (ConfigurableApplicationContext second = SecondInstance.start("--commerce.order.payment-batch-lanes=2")) {
            String[] urls = { baseUrl() + "/api/v1/orders", SecondInstance.baseUrl(second) + "/api/v1/orders" };
            // 90 orders of the hot user (money for 60) among 150 of one order each: 240 for 150 units
            List<Result> results = ConcurrentRequests.run(240, i -> {
                int user = i < 150 ? i + 2 : 1;
                return Call.post(urls[i % 2], tokens.get(user - 1), body(user, hot.productId()));
            });

            Map<Integer, Long> statuses = results.stream().collect(Collectors.groupingBy(Result::status,
                    Collectors.counting()));
            assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(201, 409);
            assertThat(results).filteredOn(r -> r.status() == 409)
                    .allMatch(r -> r.body().contains("OUT_OF_STOCK") || r.body().contains("INSUFFICIENT_BALANCE"));
            assertThat(statuses.get(201)).isEqualTo(150);
            assertThat(fixtures.stock(hot.option(0))).containsExactly(0L, 0L);
            long hotUserPaid = count("select count(*) from orders where user_id = 1 and status = 'PAID'");
            assertThat(hotUserPaid).isBetween(1L, 60L);
            assertThat(fixtures.balance(1)).isEqualTo(600_000 - 10_000 * hotUserPaid);
            assertThat(count("select count(*) from orders where status = 'PAID'")).isEqualTo(150);
            assertThat(count("select coalesce(sum(quantity), 0) from order_line")).isEqualTo(150);
            assertThat(count("select count(*) from balance_transaction where type = 'PAYMENT'")).isEqualTo(150);
            assertThat(count("select count(*) from data_platform_outbox")).isEqualTo(150);
            assertThat(fixtures.balancesOffTheirLedgers()).isZero();
            assertThat(Math.max(largestBatch(meters), largestBatch(second.getBean(MeterRegistry.class))))
                    .as("orders were paid in batches").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void keyedOrdersInBatchesArePlacedOncePerKeyAndTheirRetriesAnswerTheSameOrder() throws Exception {
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 1_000);
        fixtures.balances(1, 20, 1_000_000);
        List<String> tokens = new ArrayList<>();
        for (int user = 1; user <= 20; user++) {
            tokens.add(token(user, Role.USER));
        }
        try (ConfigurableApplicationContext second = SecondInstance.start("--commerce.order.payment-batch-lanes=2")) {
            String[] urls = { baseUrl() + "/api/v1/orders", SecondInstance.baseUrl(second) + "/api/v1/orders" };
            // every user sends its order three times with one key: twice to one instance, once to the other
            List<Result> results = ConcurrentRequests.run(60, i -> Call.post(urls[i / 20 % 2], tokens.get(i % 20),
                    body(i % 20 + 1, mug.productId())).withIdempotencyKey("checkout-" + (i % 20)));

            assertThat(count("select count(*) from orders")).isEqualTo(20);
            assertThat(count("select count(distinct user_id) from orders")).isEqualTo(20);
            assertThat(fixtures.stock(mug.option(0))).containsExactly(980L, 0L);
            assertThat(results).allMatch(r -> r.status() == 201
                    || r.status() == 409 && r.body().contains("IDEMPOTENCY_KEY_IN_PROGRESS"));
            for (int user = 0; user < 20; user++) {
                String placed = jdbc.sql("select id from orders where user_id = :u").param("u", user + 1)
                        .query(String.class).single();
                for (int i = user; i < 60; i += 20) {
                    if (results.get(i).status() == 201) {
                        assertThat(results.get(i).body()).contains(placed);
                    }
                }
                // a retry now replays the stored answer
                String again = asUser(user + 1).header("Idempotency-Key", "checkout-" + user)
                        .body(body(user + 1, mug.productId())).post("/api/v1/orders")
                        .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
                assertThat(again).contains(placed);
            }
            assertThat(count("select count(*) from idempotency_record")).isEqualTo(20);
        }
    }

    private static double largestBatch(MeterRegistry registry) {
        var summary = registry.find(BATCH_SIZES).summary();
        return summary == null ? 0 : summary.max();
    }

    private static String body(long userId, long productId) {
        return "{\"userId\":%d,\"items\":[{\"productId\":%d,\"quantity\":1}]}".formatted(userId, productId);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
