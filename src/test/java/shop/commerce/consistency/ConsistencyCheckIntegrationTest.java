package shop.commerce.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.restassured.path.json.JsonPath;
import shop.commerce.consistency.domain.ConsistencyCheck;
import shop.commerce.consistency.domain.ConsistencyChecks;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

@ExtendWith(OutputCaptureExtension.class)
class ConsistencyCheckIntegrationTest extends IntegrationTestSupport {

    private static final String CHECKS = "/api/v1/admin/consistency-checks";
    private static final List<String> ALL_CHECKS = List.of("BALANCE_EQUALS_LEDGER", "LEDGER_RUNNING_TOTALS_HOLD",
            "PAID_ORDERS_MATCH_DEBITS", "CANCELLED_ORDERS_MATCH_REFUNDS", "STOCK_MATCHES_ORDERS",
            "STOCK_MATCHES_RECEIPTS", "COUPON_ISSUES_MATCH_QUOTA", "USED_COUPONS_MATCH_PAID_ORDERS",
            "ORDER_EVENTS_IN_OUTBOX", "SALES_STATISTICS_MATCH_ORDERS", "ORDERS_EXPIRE_ON_TIME");

    @Autowired
    private ConsistencyChecks checks;

    private CommerceFixtures fixtures;
    private ProductRef shirt;
    private ProductRef mug;
    private long couponId;

    @BeforeEach
    void shopWithOrdersOfEveryKind() {
        fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        mug = fixtures.product("Ceramic Mug", 15_000, 8);
        couponId = fixtures.fixedCoupon("Welcome", 5_000, 10);
        fixtures.balances(1, 3, 500_000);
    }

    @Test
    void answersNotFoundBeforeTheFirstRun() {
        asAdmin(1).get(CHECKS + "/latest").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void onlyAdministratorsRunOrReadChecks() {
        anonymous().post(CHECKS).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        anonymous().get(CHECKS + "/latest").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        asUser(1).post(CHECKS).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        asUser(1).get(CHECKS + "/latest").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(jdbc.sql("select count(*) from consistency_check_run").query(Long.class).single()).isZero();
    }

    @Test
    void ordersOfEveryKindAreCleanAndTheRunIsRecorded() {
        everyKindOfOrder();

        JsonPath run = asAdmin(1).post(CHECKS).then().statusCode(200)
                .body("clean", equalTo(true)).body("violations", empty()).body("checkedAt", notNullValue())
                .extract().jsonPath();
        assertThat(run.getList("checks", String.class)).containsExactlyElementsOf(ALL_CHECKS);
        assertThat(run.getMap("$")).containsOnlyKeys("checkedAt", "clean", "checks", "violations");

        asAdmin(1).get(CHECKS + "/latest").then().statusCode(200)
                .body("checkedAt", equalTo(run.getString("checkedAt"))).body("clean", equalTo(true));
        assertThat(jdbc.sql("select count(*) from consistency_check_run where clean").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void staysCleanWhileSalesAreFoldedAndEventsPublished() {
        everyKindOfOrder();
        await().atMost(Duration.ofSeconds(20)).until(() -> unfoldedSales() == 0 && unpublishedEvents() == 0);

        asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(true));
    }

    @Test
    void reportsABalanceThatDiffersFromItsLedger() {
        jdbc.sql("update user_balance set balance = balance + 7 where user_id = 2").update();

        assertOnlyViolation("BALANCE_EQUALS_LEDGER", "user 2", "balance 500007, ledger 500000");
    }

    @Test
    void reportsANegativeBalance() {
        // the table refuses a negative balance; the check must still see one if the constraint were lost
        jdbc.sql("alter table user_balance drop constraint user_balance_balance_check").update();
        try {
            jdbc.sql("update user_balance set balance = -10 where user_id = 3").update();
            jdbc.sql("""
                    insert into balance_transaction (user_id, type, amount, balance_after, created_at)
                    values (3, 'PAYMENT', -500010, 0, now())
                    """).update();

            // the hand-made debit names no order, so the debit check speaks too
            assertViolations(Map.of("check", "BALANCE_EQUALS_LEDGER", "subject", "user 3",
                    "detail", "balance -10, ledger -10"), Map.of("check", "LEDGER_RUNNING_TOTALS_HOLD",
                    "subject", "user 3", "detail", "ledger row %d: balance_after 0, running total -10"
                            .formatted(lastLedgerRow(3))), Map.of("check", "PAID_ORDERS_MATCH_DEBITS",
                    "subject", "user 3", "detail", "debits: 1 for 500010 KRW, naming no order"));
        } finally {
            jdbc.sql("delete from user_balance where balance < 0").update();
            jdbc.sql("alter table user_balance add constraint user_balance_balance_check check (balance >= 0)")
                    .update();
        }
    }

    @Test
    void reportsALedgerRunningTotalThatBreaks() {
        jdbc.sql("update balance_transaction set balance_after = balance_after + 5 where user_id = 2").update();

        assertOnlyViolation("LEDGER_RUNNING_TOTALS_HOLD", "user 2",
                "ledger row %d: balance_after 500005, running total 500000".formatted(lastLedgerRow(2)));
    }

    @Test
    void reportsAPaidOrderWithoutItsDebit() {
        String orderId = place(1, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        // the debit is gone and the balance given back, so balance and ledger still agree
        jdbc.sql("delete from balance_transaction where order_id = :id").param("id", orderId).update();
        jdbc.sql("update user_balance set balance = balance + 15000 where user_id = 1").update();

        assertOnlyViolation("PAID_ORDERS_MATCH_DEBITS", "order " + orderId, "PAID for 15000 KRW; debits: 0 for 0 KRW");
    }

    @Test
    void reportsADebitWithoutItsPaidOrder() {
        String pending = place(2, mug, 0, 1, false).then().statusCode(201).extract().path("orderId");
        debitByHand(2, 15_000, pending);

        assertOnlyViolation("PAID_ORDERS_MATCH_DEBITS", "order " + pending,
                "debits: 1 for 15000 KRW of user 2, which is PENDING_PAYMENT and was never paid");
    }

    @Test
    void reportsACancelledPaidOrderWithoutItsRefund() {
        String orderId = place(3, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        asUser(3).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);
        jdbc.sql("delete from balance_transaction where order_id = :id and type = 'REFUND'").param("id", orderId)
                .update();
        jdbc.sql("update user_balance set balance = balance - 15000 where user_id = 3").update();

        assertOnlyViolation("CANCELLED_ORDERS_MATCH_REFUNDS", "order " + orderId,
                "CANCELLED for 15000 KRW; refunds: 0 for 0 KRW");
    }

    @Test
    void reportsASecondRefund() {
        String orderId = place(3, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        asUser(3).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);
        // refunded twice: balance and ledger both raised, so they still agree
        jdbc.sql("update user_balance set balance = balance + 15000 where user_id = 3").update();
        jdbc.sql("""
                insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
                select 3, 'REFUND', 15000, balance, :id, now() from user_balance where user_id = 3
                """).param("id", orderId).update();

        assertOnlyViolation("CANCELLED_ORDERS_MATCH_REFUNDS", "order " + orderId,
                "CANCELLED for 15000 KRW; refunds: 2 for 30000 KRW");
    }

    @Test
    void reportsStockPutBackTwice() {
        String orderId = place(1, shirt, 0, 2, true).then().statusCode(201).extract().path("orderId");
        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);
        jdbc.sql("update option_stock set total = total + 2 where option_id = :id").param("id", shirt.option(0))
                .update();

        assertOnlyViolation("STOCK_MATCHES_RECEIPTS", "option " + shirt.option(0),
                "total 12, received 10, paid orders hold 0");
    }

    @Test
    void reportsStockSoldWithoutAnOrder() {
        place(1, shirt, 0, 2, true).then().statusCode(201);
        jdbc.sql("update option_stock set total = total - 1 where option_id = :id").param("id", shirt.option(0))
                .update();

        assertOnlyViolation("STOCK_MATCHES_RECEIPTS", "option " + shirt.option(0),
                "total 7, received 10, paid orders hold 2");
    }

    @Test
    void reportsACouponUsedByTwoPaidOrders() {
        long userCouponId = fixtures.issue(token(1, Role.USER), 1, couponId);
        place(1, "{\"userId\":1,\"userCouponId\":%d,\"payNow\":true,\"items\":[{\"productId\":%d,\"quantity\":1}]}"
                .formatted(userCouponId, mug.productId())).then().statusCode(201);
        jdbc.sql("""
                insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount, user_coupon_id,
                                    from_cart, created_at, paid_at)
                values ('second-order', 1, 'PAID', 5000, 5000, 0, :coupon, false, now(), now())
                """).param("coupon", userCouponId).update();

        assertReports("USED_COUPONS_MATCH_PAID_ORDERS", "user coupon " + userCouponId, "USED, and 2 paid orders name it");
    }

    @Test
    void reportsACouponIssuedPastItsQuota() {
        long single = fixtures.fixedCoupon("Only One", 1_000, 1);
        fixtures.issue(token(1, Role.USER), 1, single);
        jdbc.sql("""
                insert into user_coupon (coupon_id, user_id, issued_at, expires_at)
                values (:coupon, 2, now(), now() + interval '7 days')
                """).param("coupon", single).update();

        assertOnlyViolation("COUPON_ISSUES_MATCH_QUOTA", "coupon " + single,
                "issued_quantity 1, user coupons 2, quota 1");
    }

    @Test
    void reportsAnEventWhoseOrderWasNeverPaid() {
        String pending = place(1, mug, 0, 1, false).then().statusCode(201).extract().path("orderId");
        jdbc.sql("""
                insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at, published_at)
                values (gen_random_uuid(), 'ORDER_PAID', :id, '{}', now(), now())
                """).param("id", pending).update();

        assertOnlyViolation("ORDER_EVENTS_IN_OUTBOX", "order " + pending,
                "1 ORDER_PAID and 0 ORDER_CANCELLED events in the outbox, but the order is PENDING_PAYMENT and was"
                        + " never paid");
    }

    @Test
    void reportsACancellationEventOfAnOrderStillPaid() {
        String orderId = place(1, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        jdbc.sql("""
                insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at, published_at)
                values (gen_random_uuid(), 'ORDER_CANCELLED', :id, '{}', now(), now())
                """).param("id", orderId).update();

        assertOnlyViolation("ORDER_EVENTS_IN_OUTBOX", "order " + orderId,
                "PAID with 1 ORDER_PAID and 1 ORDER_CANCELLED events in the outbox");
    }

    @Test
    void reportsReservedStockThatNoPendingOrderHolds() {
        place(1, shirt, 0, 2, false).then().statusCode(201);
        jdbc.sql("update option_stock set reserved = reserved + 1 where option_id = :id")
                .param("id", shirt.option(0)).update();

        assertOnlyViolation("STOCK_MATCHES_ORDERS", "option " + shirt.option(0),
                "total 10, reserved 3, pending orders hold 2");
    }

    @Test
    void reportsAnIssuedQuantityThatDiffersFromTheIssuedCoupons() {
        fixtures.issue(token(1, Role.USER), 1, couponId);
        jdbc.sql("update coupon set issued_quantity = issued_quantity + 1 where id = :id").param("id", couponId)
                .update();

        assertOnlyViolation("COUPON_ISSUES_MATCH_QUOTA", "coupon " + couponId,
                "issued_quantity 2, user coupons 1, quota 10");
    }

    @Test
    void reportsAUsedCouponWithoutItsPaidOrder() {
        long userCouponId = fixtures.issue(token(1, Role.USER), 1, couponId);
        jdbc.sql("update user_coupon set used_at = now(), order_id = 'no-such-order' where id = :id")
                .param("id", userCouponId).update();

        assertOnlyViolation("USED_COUPONS_MATCH_PAID_ORDERS", "user coupon " + userCouponId,
                "USED by order no-such-order, which does not exist");
    }

    @Test
    void reportsAPaidOrderWhoseCouponIsNotMarkedUsed() {
        long userCouponId = fixtures.issue(token(1, Role.USER), 1, couponId);
        String orderId = place(1, "{\"userId\":1,\"userCouponId\":%d,\"items\":[{\"productId\":%d,\"quantity\":1}]}"
                .formatted(userCouponId, mug.productId())).then().statusCode(201).extract().path("orderId");
        jdbc.sql("update user_coupon set used_at = null, order_id = null where id = :id").param("id", userCouponId)
                .update();

        assertOnlyViolation("USED_COUPONS_MATCH_PAID_ORDERS", "order " + orderId,
                "PAID with user coupon " + userCouponId + ", which is not marked used by it");
    }

    @Test
    void reportsAPaidOrderWithoutItsOutboxEvent() {
        String orderId = place(1, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        jdbc.sql("delete from data_platform_outbox where order_id = :id").param("id", orderId).update();

        assertOnlyViolation("ORDER_EVENTS_IN_OUTBOX", "order " + orderId,
                "PAID with 0 ORDER_PAID and 0 ORDER_CANCELLED events in the outbox");
    }

    @Test
    void doesNotExpectEventsOfPaymentsOlderThanTheOutboxRetention() {
        String orderId = place(1, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        jdbc.sql("delete from data_platform_outbox where order_id = :id").param("id", orderId).update();
        clock.advance(Duration.ofDays(8));

        asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(true));
    }

    @Test
    void reportsSalesStatisticsThatDifferFromThePaidOrders() {
        place(1, mug, 0, 2, true).then().statusCode(201);
        String day = jdbc.sql("select cast(cast(:now as timestamptz) at time zone 'Asia/Seoul' as date)::text")
                .param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).query(String.class).single();
        jdbc.sql("insert into ranking_sale (sales_date, product_id, quantity, revenue) values (cast(:day as date), :p, 1, 15000)")
                .param("day", day).param("p", mug.productId()).update();

        assertOnlyViolation("SALES_STATISTICS_MATCH_ORDERS", "product " + mug.productId() + " on " + day,
                "statistics 3 sold for 45000 KRW, paid orders 2 for 30000 KRW");
    }

    @Test
    void countsSalesDaysInAZoneGivenAsAnOffset() {
        // 23:50 and 00:10 at +09:00, either side of its midnight; the shop's zone (Asia/Seoul, +09:00
        // all year) recorded the two sales on those two days
        ZoneOffset plusNine = ZoneOffset.ofHours(9);
        Instant now = clock.instant();
        Instant lateEvening = now.atZone(plusNine).toLocalDate().plusDays(1).atTime(23, 50).atZone(plusNine)
                .toInstant();
        clock.advance(Duration.between(now, lateEvening));
        place(1, mug, 0, 1, true).then().statusCode(201);
        clock.advance(Duration.ofMinutes(20));
        place(2, mug, 0, 2, true).then().statusCode(201);
        assertThat(jdbc.sql("""
                select count(distinct sales_date)
                  from (select sales_date from ranking_sale union all select sales_date from product_sales_daily) s
                """).query(Long.class).single()).isEqualTo(2);

        for (ZoneId zone : List.of(ZoneId.of("+09:00"), ZoneId.of("UTC+09:00"), ZoneId.of("GMT+9"),
                ZoneId.of("Asia/Seoul"))) {
            assertThat(checks.run(ConsistencyCheck.SALES_STATISTICS_MATCH_ORDERS, new ConsistencyChecks.Scope(
                    clock.instant(), clock.instant().minus(Duration.ofDays(7)), zone, 100))).as(zone.getId()).isEmpty();
        }
    }

    @Test
    void logsEachViolationOnceAtErrorAndExportsTheCount(CapturedOutput output) {
        jdbc.sql("update user_balance set balance = balance + 7 where user_id = 2").update();

        asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(false));
        asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(false));

        String line = "Consistency violation BALANCE_EQUALS_LEDGER: user 2: balance 500007, ledger 500000";
        assertThat(output.getOut().lines().filter(l -> l.contains(line)))
                .hasSize(1).allMatch(l -> l.contains("ERROR"));
        assertThat(output.getOut()).contains("1 violations found before are still present");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAdmin(1).get("/actuator/prometheus").then()
                .body(containsString("commerce_consistency_violations{check=\"BALANCE_EQUALS_LEDGER\"} 1.0"))
                .body(containsString("commerce_consistency_violations{check=\"STOCK_MATCHES_ORDERS\"} 0.0")));
    }

    @Test
    void describesBothEndpointsInTheOpenApiDescription() {
        anonymous().get("/v3/api-docs").then().statusCode(200)
                .body("paths", hasKey(CHECKS))
                .body("paths", hasKey(CHECKS + "/latest"))
                .body("paths['" + CHECKS + "'].post.responses", hasKey("200"))
                .body("paths['" + CHECKS + "/latest'].get.responses", hasKey("404"));
    }

    private void assertReports(String check, String subject, String detail) {
        JsonPath run = asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(false))
                .extract().jsonPath();
        List<Map<String, String>> violations = run.getList("violations");
        assertThat(violations).contains(Map.of("check", check, "subject", subject, "detail", detail));
    }

    @SafeVarargs
    private void assertViolations(Map<String, String>... expected) {
        JsonPath run = asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(false))
                .extract().jsonPath();
        List<Map<String, String>> violations = run.getList("violations");
        assertThat(violations).containsExactlyInAnyOrder(expected);
    }

    private long lastLedgerRow(long userId) {
        return jdbc.sql("select max(id) from balance_transaction where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    /** A debit made by hand, with its balance change, so that balance and ledger agree. */
    private void debitByHand(long userId, long amount, String orderId) {
        jdbc.sql("update user_balance set balance = balance - :amount where user_id = :u").param("amount", amount)
                .param("u", userId).update();
        jdbc.sql("""
                insert into balance_transaction (user_id, type, amount, balance_after, order_id, created_at)
                select :u, 'PAYMENT', -:amount, balance, :orderId, now() from user_balance where user_id = :u
                """).param("u", userId).param("amount", amount).param("orderId", orderId).update();
    }

    private void assertOnlyViolation(String check, String subject, String detail) {
        JsonPath run = asAdmin(1).post(CHECKS).then().statusCode(200).body("clean", equalTo(false))
                .extract().jsonPath();
        List<Map<String, String>> violations = run.getList("violations");
        assertThat(violations).containsExactly(Map.of("check", check, "subject", subject, "detail", detail));
    }

    /** A paid order with a coupon, a reserved one, one reserved then paid, cancelled ones, an expired one. */
    private void everyKindOfOrder() {
        long userCouponId = fixtures.issue(token(1, Role.USER), 1, couponId);
        place(1, "{\"userId\":1,\"userCouponId\":%d,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":2}]}"
                .formatted(userCouponId, shirt.productId(), shirt.option(1))).then().statusCode(201);
        String expiring = place(2, shirt, 0, 1, false).then().statusCode(201).extract().path("orderId");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "EXPIRED".equals(status(expiring)));

        place(1, shirt, 0, 3, false).then().statusCode(201);
        String toPay = place(2, mug, 0, 2, false).then().statusCode(201).extract().path("orderId");
        asUser(2).body("{}").post("/api/v1/orders/" + toPay + "/payment").then().statusCode(200);
        String paidThenCancelled = place(3, mug, 0, 1, true).then().statusCode(201).extract().path("orderId");
        asUser(3).post("/api/v1/orders/" + paidThenCancelled + "/cancel").then().statusCode(200);
        String pendingThenCancelled = place(3, shirt, 1, 1, false).then().statusCode(201).extract().path("orderId");
        asUser(3).post("/api/v1/orders/" + pendingThenCancelled + "/cancel").then().statusCode(200);
        place(3, mug, 0, 100, true).then().statusCode(409);
        asAdmin(1).body("{\"quantity\":4}")
                .post("/api/v1/admin/products/" + mug.productId() + "/options/" + mug.option(0) + "/restock")
                .then().statusCode(200);
        long added = asAdmin(1).body("{\"name\":\"Large\",\"additionalPrice\":2000,\"stock\":3}")
                .post("/api/v1/admin/products/" + mug.productId() + "/options").then().statusCode(201)
                .extract().jsonPath().getLong("options.find { it.name == 'Large' }.id");
        place(1, "{\"userId\":1,\"payNow\":true,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":2}]}"
                .formatted(mug.productId(), added)).then().statusCode(201);
    }

    private String status(String orderId) {
        return jdbc.sql("select status from orders where id = :id").param("id", orderId).query(String.class).single();
    }

    private long unfoldedSales() {
        return jdbc.sql("select count(*) from ranking_sale").query(Long.class).single();
    }

    private long unpublishedEvents() {
        return jdbc.sql("select count(*) from data_platform_outbox where published_at is null").query(Long.class)
                .single();
    }

    private io.restassured.response.Response place(long userId, ProductRef product, int option, int quantity,
            boolean payNow) {
        return place(userId, "{\"userId\":%d,\"payNow\":%s,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":%d}]}"
                .formatted(userId, payNow, product.productId(), product.option(option), quantity));
    }

    private io.restassured.response.Response place(long userId, String body) {
        return asUser(userId).body(body).post("/api/v1/orders");
    }
}
