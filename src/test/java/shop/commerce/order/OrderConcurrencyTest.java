package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.IntegrationTestSupport;

class OrderConcurrencyTest extends IntegrationTestSupport {

    private CommerceFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = fixtures();
    }

    @Test
    void aThousandBuyersOfAHundredUnitsGiveExactlyAHundredPaidOrders() throws Exception {
        ProductRef sneaker = fixtures.product("Limited Sneaker", 99_000, 100);
        fixtures.balances(1, 1_000, 200_000);
        List<String> tokens = new java.util.ArrayList<>();
        for (int user = 1; user <= 1_000; user++) {
            tokens.add(token(user, Role.USER));
        }

        List<Result> results = ConcurrentRequests.run(1_000, i -> Call.post(ordersUrl(), tokens.get(i),
                orderBody(i + 1, sneaker.productId(), 1, null, true)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(100);
        assertThat(results).filteredOn(r -> r.status() == 409).hasSize(900)
                .allMatch(r -> r.body().contains("OUT_OF_STOCK"));
        assertThat(fixtures.stock(sneaker.option(0))).containsExactly(0L, 0L);
        assertThat(count("select count(*) from orders where status = 'PAID'")).isEqualTo(100);
        assertThat(count("select count(*) from balance_transaction where type = 'PAYMENT'")).isEqualTo(100);
        assertThat(count("select coalesce(sum(balance), 0) from user_balance")).isEqualTo(1_000L * 200_000 - 100L * 99_000);
        assertLedgersMatchBalances();
    }

    @Test
    void aUserWithMoneyForThreeOrdersGetsExactlyThreeOfThirty() throws Exception {
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 1_000);
        fixtures.balances(1, 1, 45_000);
        String token = token(1, Role.USER);

        List<Result> results = ConcurrentRequests.run(30,
                i -> Call.post(ordersUrl(), token, orderBody(1, mug.productId(), 1, null, true)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(3);
        assertThat(results).filteredOn(r -> r.status() == 409).hasSize(27)
                .allMatch(r -> r.body().contains("INSUFFICIENT_BALANCE"));
        assertThat(fixtures.balance(1)).isZero();
        assertThat(fixtures.ledgerSum(1)).isZero();
        assertThat(fixtures.stock(mug.option(0))).containsExactly(997L, 0L);
    }

    @Test
    void oneCouponInTwentyConcurrentOrdersIsUsedByExactlyOne() throws Exception {
        ProductRef jacket = fixtures.product("Down Jacket", 100_000, 100);
        fixtures.balances(1, 1, 10_000_000);
        String token = token(1, Role.USER);
        long coupon = fixtures.issue(token, 1, fixtures.fixedCoupon("Welcome", 10_000, 10));

        List<Result> results = ConcurrentRequests.run(20,
                i -> Call.post(ordersUrl(), token, orderBody(1, jacket.productId(), 1, coupon, true)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 409).hasSize(19)
                .allMatch(r -> r.body().contains("COUPON_NOT_USABLE"));
        assertThat(count("select count(*) from orders")).isEqualTo(1);
        assertThat(fixtures.stock(jacket.option(0))).containsExactly(99L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(10_000_000 - 90_000);
        assertLedgersMatchBalances();
    }

    @Test
    void oneCouponPayingFivePendingOrdersAtOncePaysExactlyOne() throws Exception {
        ProductRef jacket = fixtures.product("Down Jacket", 100_000, 100);
        fixtures.balances(1, 1, 10_000_000);
        String token = token(1, Role.USER);
        long coupon = fixtures.issue(token, 1, fixtures.fixedCoupon("Welcome", 10_000, 10));
        List<String> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(asUser(1).body(orderBody(1, jacket.productId(), 1, null, false)).post("/api/v1/orders")
                    .then().statusCode(201).extract().path("orderId"));
        }

        List<Result> results = ConcurrentRequests.run(5, i -> Call.post(
                baseUrl() + "/api/v1/orders/" + pending.get(i) + "/payment", token, "{\"userCouponId\":" + coupon + "}"));

        assertThat(results).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != 200).hasSize(4)
                .allMatch(r -> r.status() == 409 && r.body().contains("COUPON_NOT_USABLE"));
        assertThat(count("select count(*) from orders where status = 'PAID'")).isEqualTo(1);
        assertThat(count("select count(*) from orders where status = 'PENDING_PAYMENT'")).isEqualTo(4);
        assertThat(count("select count(*) from user_coupon where order_id is not null")).isEqualTo(1);
        assertThat(fixtures.stock(jacket.option(0))).containsExactly(99L, 4L);
        assertThat(fixtures.balance(1)).isEqualTo(10_000_000 - 90_000);
        assertLedgersMatchBalances();
    }

    /** Without the user's pending-orders lock, concurrent reservations each count four and all insert. */
    @Test
    void twentyConcurrentReservationsByOneUserLeaveExactlyFivePendingOrders() throws Exception {
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 1_000);
        String token = token(1, Role.USER);

        List<Result> results = ConcurrentRequests.run(20,
                i -> Call.post(ordersUrl(), token, orderBody(1, mug.productId(), 1, null, false)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(5);
        assertThat(results).filteredOn(r -> r.status() != 201).hasSize(15)
                .allMatch(r -> r.status() == 409 && r.body().contains("TOO_MANY_PENDING_ORDERS"));
        assertThat(count("select count(*) from orders where user_id = 1 and status = 'PENDING_PAYMENT'")).isEqualTo(5);
        assertThat(count("select count(*) from orders")).isEqualTo(5);
        assertThat(fixtures.stock(mug.option(0))).containsExactly(1_000L, 5L);
    }

    @Test
    void fiftyConcurrentOrdersWithOneIdempotencyKeyPlaceExactlyOne() throws Exception {
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 1_000);
        fixtures.balances(1, 1, 1_000_000);
        String token = token(1, Role.USER);

        List<Result> results = ConcurrentRequests.run(50, i -> Call.post(ordersUrl(), token,
                orderBody(1, mug.productId(), 2, null, true)).withIdempotencyKey("checkout-42"));

        assertThat(count("select count(*) from orders")).isEqualTo(1);
        String orderId = jdbc.sql("select id from orders").query(String.class).single();
        assertThat(results.stream().map(Result::status).collect(Collectors.toSet())).isSubsetOf(201, 409);
        assertThat(results).filteredOn(r -> r.status() == 201).isNotEmpty()
                .allMatch(r -> r.body().contains(orderId));
        assertThat(results).filteredOn(r -> r.status() == 409)
                .allMatch(r -> r.body().contains("IDEMPOTENCY_KEY_IN_PROGRESS"));
        assertThat(fixtures.stock(mug.option(0))).containsExactly(998L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(970_000);
    }

    /**
     * Exactly one request takes the order out of PENDING_PAYMENT. A cancel that arrives after the
     * payment committed cancels a PAID order, which the contract allows, and then must refund it.
     */
    @Test
    void payingAndCancellingOnePendingOrderAtOnceLeaveItConsistent() throws Exception {
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 100);
        fixtures.balances(1, 1, 1_000_000);
        String token = token(1, Role.USER);
        for (int round = 0; round < 10; round++) {
            String orderId = asUser(1).body(orderBody(1, mug.productId(), 1, null, false)).post("/api/v1/orders")
                    .then().statusCode(201).extract().path("orderId");

            List<Result> results = ConcurrentRequests.run(2, i -> Call.post(
                    baseUrl() + "/api/v1/orders/" + orderId + (i == 0 ? "/payment" : "/cancel"), token, null));

            boolean paid = results.get(0).status() == 200;
            boolean cancelled = results.get(1).status() == 200;
            assertThat(paid || cancelled).as("one of them wins").isTrue();
            String status = jdbc.sql("select status from orders where id = :id").param("id", orderId)
                    .query(String.class).single();
            long payments = ledgerRows(orderId, "PAYMENT");
            long refunds = ledgerRows(orderId, "REFUND");
            if (paid && cancelled) {
                assertThat(status).isEqualTo("CANCELLED");
                assertThat(List.of(payments, refunds)).containsExactly(1L, 1L);
            } else if (paid) {
                assertThat(status).isEqualTo("PAID");
                assertThat(results.get(1).body()).contains("ORDER_NOT_CANCELLABLE");
                assertThat(List.of(payments, refunds)).containsExactly(1L, 0L);
            } else {
                assertThat(status).isEqualTo("CANCELLED");
                assertThat(results.get(0).body()).contains("ORDER_NOT_PAYABLE");
                assertThat(List.of(payments, refunds)).containsExactly(0L, 0L);
            }
        }
        long paid = count("select count(*) from orders where status = 'PAID'");
        assertThat(fixtures.stock(mug.option(0))).containsExactly(100L - paid, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(1_000_000 - paid * 15_000);
        assertLedgersMatchBalances();
    }

    private long ledgerRows(String orderId, String type) {
        return jdbc.sql("select count(*) from balance_transaction where order_id = :id and type = :type")
                .param("id", orderId).param("type", type).query(Long.class).single();
    }

    @Test
    void ordersTouchingTheSameOptionsInOppositeOrdersNeverFailWithADeadlock() throws Exception {
        ProductRef shirt = fixtures.product("Linen Shirt", 10_000, 1_000, 1_000);
        fixtures.balances(1, 100, 1_000_000);
        List<String> tokens = new java.util.ArrayList<>();
        for (int user = 1; user <= 100; user++) {
            tokens.add(token(user, Role.USER));
        }

        List<Result> results = ConcurrentRequests.run(100, i -> {
            long first = i % 2 == 0 ? shirt.option(0) : shirt.option(1);
            long second = i % 2 == 0 ? shirt.option(1) : shirt.option(0);
            String body = "{\"userId\":%d,\"payNow\":%s,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":1},{\"productId\":%d,\"optionId\":%d,\"quantity\":1}]}"
                    .formatted(i + 1, i % 3 != 0, shirt.productId(), first, shirt.productId(), second);
            return Call.post(ordersUrl(), tokens.get(i), body);
        });

        assertThat(results).allMatch(r -> r.status() == 201, "every order placed");
        Set<Long> left = Set.copyOf(List.of(fixtures.stock(shirt.option(0)).get(0) - fixtures.stock(shirt.option(0)).get(1),
                fixtures.stock(shirt.option(1)).get(0) - fixtures.stock(shirt.option(1)).get(1)));
        assertThat(left).containsExactly(900L);
    }

    private String ordersUrl() {
        return baseUrl() + "/api/v1/orders";
    }

    private static String orderBody(long userId, long productId, long quantity, Long userCouponId, boolean payNow) {
        return "{\"userId\":%d,\"payNow\":%s,\"userCouponId\":%s,\"items\":[{\"productId\":%d,\"quantity\":%d}]}"
                .formatted(userId, payNow, userCouponId, productId, quantity);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void assertLedgersMatchBalances() {
        assertThat(fixtures.balancesOffTheirLedgers()).isZero();
    }
}
