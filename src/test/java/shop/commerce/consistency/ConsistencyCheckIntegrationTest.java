package shop.commerce.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.restassured.path.json.JsonPath;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

@ExtendWith(OutputCaptureExtension.class)
class ConsistencyCheckIntegrationTest extends IntegrationTestSupport {

    private static final String CHECKS = "/api/v1/admin/consistency-checks";
    private static final List<String> ALL_CHECKS = List.of("BALANCE_EQUALS_LEDGER", "STOCK_MATCHES_ORDERS",
            "COUPON_ISSUES_MATCH_QUOTA", "USED_COUPONS_MATCH_PAID_ORDERS", "ORDER_EVENTS_IN_OUTBOX",
            "SALES_STATISTICS_MATCH_ORDERS");

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

            assertOnlyViolation("BALANCE_EQUALS_LEDGER", "user 3", "balance -10, ledger -10");
        } finally {
            jdbc.sql("delete from user_balance where balance < 0").update();
            jdbc.sql("alter table user_balance add constraint user_balance_balance_check check (balance >= 0)")
                    .update();
        }
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
