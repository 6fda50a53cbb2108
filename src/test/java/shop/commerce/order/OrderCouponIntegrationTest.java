package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

class OrderCouponIntegrationTest extends IntegrationTestSupport {

    private CommerceFixtures fixtures;
    private ProductRef jacket;
    private long fiveThousandOff;
    private long tenPercent;

    @BeforeEach
    void catalogMoneyAndCoupons() {
        fixtures = fixtures();
        jacket = fixtures.product("Down Jacket", 100_000, 10);
        fixtures.balances(1, 2, 1_000_000);
        fiveThousandOff = fixtures.fixedCoupon("5,000 off", 5_000, 100);
        tenPercent = fixtures.percentCoupon("10% off", 10, 15_000L, 0);
    }

    @Test
    void aCouponTakesItsDiscountOffThePaymentAndIsUsed() {
        long userCoupon = fixtures.issue(token(1, Role.USER), 1, fiveThousandOff);

        String orderId = order(1, 2, userCoupon, true).then().statusCode(201)
                .body("totalAmount", equalTo(200_000)).body("discountAmount", equalTo(5_000))
                .body("paidAmount", equalTo(195_000)).body("userCouponId", equalTo((int) userCoupon))
                .extract().path("orderId");

        assertThat(fixtures.balance(1)).isEqualTo(805_000);
        asUser(1).get("/api/v1/users/1/coupons").then()
                .body("[0].status", equalTo("USED")).body("[0].orderId", equalTo(orderId));
    }

    @Test
    void cancellingGivesTheCouponBack() {
        long userCoupon = fixtures.issue(token(1, Role.USER), 1, tenPercent);
        String orderId = order(1, 1, userCoupon, true).then().statusCode(201)
                .body("discountAmount", equalTo(10_000)).extract().path("orderId");

        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200);

        assertThat(fixtures.balance(1)).isEqualTo(1_000_000).isEqualTo(fixtures.ledgerSum(1));
        asUser(1).get("/api/v1/users/1/coupons").then()
                .body("[0].status", equalTo("AVAILABLE")).body("[0].usedAt", nullValue())
                .body("[0].orderId", nullValue());
    }

    @Test
    void refusesACouponThatIsNotUsableAndChangesNothing() {
        long othersCoupon = fixtures.issue(token(2, Role.USER), 2, fiveThousandOff);
        order(1, 1, othersCoupon, true).then().statusCode(409).body("code", equalTo("COUPON_NOT_USABLE"));

        long used = fixtures.issue(token(1, Role.USER), 1, fiveThousandOff);
        order(1, 1, used, true).then().statusCode(201);
        order(1, 1, used, true).then().statusCode(409).body("code", equalTo("COUPON_NOT_USABLE"));

        assertThat(fixtures.stock(jacket.option(0))).containsExactly(9L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(905_000);
        assertThat(fixtures.balance(2)).isEqualTo(1_000_000);
    }

    @Test
    void refusalsComeInTheContractsOrder() {
        fixtures.balances(3, 3, 1_000);
        long coupon = fixtures.issue(token(2, Role.USER), 2, fiveThousandOff);

        order(3, 11, coupon, true).then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"));
        order(3, 1, coupon, true).then().statusCode(409).body("code", equalTo("COUPON_NOT_USABLE"));
        order(3, 1, null, true).then().statusCode(409).body("code", equalTo("INSUFFICIENT_BALANCE"));
        assertThat(fixtures.stock(jacket.option(0))).containsExactly(10L, 0L);
    }

    @Test
    void aPendingOrderListsUsableCouponsBestFirstAndAppliesItsCouponAtPayment() {
        long fixed = fixtures.issue(token(1, Role.USER), 1, fiveThousandOff);
        long percent = fixtures.issue(token(1, Role.USER), 1, tenPercent);

        String orderId = order(1, 1, fixed, false).then().statusCode(201)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("usableCoupons.userCouponId", contains((int) percent, (int) fixed))
                .body("usableCoupons.discountAmount", contains(10_000, 5_000))
                .extract().path("orderId");
        asUser(1).get("/api/v1/orders/" + orderId).then().body("usableCoupons.name", contains("10% off", "5,000 off"));

        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(200)
                .body("discountAmount", equalTo(5_000)).body("paidAmount", equalTo(95_000))
                .body("userCouponId", equalTo((int) fixed));
    }

    @Test
    void aPaymentMayNameAnotherCoupon() {
        long fixed = fixtures.issue(token(1, Role.USER), 1, fiveThousandOff);
        long percent = fixtures.issue(token(1, Role.USER), 1, tenPercent);
        String orderId = order(1, 1, fixed, false).then().statusCode(201).extract().path("orderId");

        asUser(1).body("{\"userCouponId\":" + percent + "}").post("/api/v1/orders/" + orderId + "/payment")
                .then().statusCode(200).body("discountAmount", equalTo(10_000))
                .body("userCouponId", equalTo((int) percent));
        asUser(1).get("/api/v1/users/1/coupons?status=AVAILABLE").then()
                .body("userCouponId", contains((int) fixed));
    }

    @Test
    void aFailedPaymentLeavesThePendingOrderAsItWas() {
        fixtures.balances(3, 3, 50_000);
        long coupon = fixtures.issue(token(3, Role.USER), 3, fiveThousandOff);
        String orderId = asUser(3).body(body(3, 1, coupon, false)).post("/api/v1/orders").then().statusCode(201)
                .extract().path("orderId");

        asUser(3).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(409)
                .body("code", equalTo("INSUFFICIENT_BALANCE"));

        asUser(3).get("/api/v1/orders/" + orderId).then().body("status", equalTo("PENDING_PAYMENT"));
        assertThat(fixtures.stock(jacket.option(0))).containsExactly(10L, 1L);
        assertThat(fixtures.balance(3)).isEqualTo(50_000);
        asUser(3).get("/api/v1/users/3/coupons").then().body("[0].status", equalTo("AVAILABLE"));
    }

    @Test
    void aPendingOrderShowsNothingPaidUntilItIsPaid() {
        long fixed = fixtures.issue(token(1, Role.USER), 1, fiveThousandOff);
        String orderId = order(1, 1, fixed, false).then().statusCode(201)
                .body("discountAmount", equalTo(0)).body("paidAmount", equalTo(0))
                .body("usableCoupons.discountAmount", contains(5_000))
                .extract().path("orderId");

        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("discountAmount", equalTo(0)).body("paidAmount", equalTo(0));
        asUser(1).get("/api/v1/users/1/orders").then().body("content[0].paidAmount", equalTo(0));
    }

    @Test
    void aQuotedCouponUsedElsewhereBlocksOnlyThePaymentThatKeepsIt() {
        long fixed = fixtures.issue(token(1, Role.USER), 1, fiveThousandOff);
        String pending = order(1, 1, fixed, false).then().statusCode(201).extract().path("orderId");
        order(1, 1, fixed, true).then().statusCode(201);

        asUser(1).post("/api/v1/orders/" + pending + "/payment").then().statusCode(409)
                .body("code", equalTo("COUPON_NOT_USABLE"));
        asUser(1).body("{}").post("/api/v1/orders/" + pending + "/payment").then().statusCode(409)
                .body("code", equalTo("COUPON_NOT_USABLE"));
        asUser(1).body("{\"userCouponId\":null}").post("/api/v1/orders/" + pending + "/payment").then()
                .statusCode(200).body("status", equalTo("PAID")).body("discountAmount", equalTo(0))
                .body("paidAmount", equalTo(100_000)).body("userCouponId", nullValue());

        assertThat(fixtures.balance(1)).isEqualTo(1_000_000 - 95_000 - 100_000).isEqualTo(fixtures.ledgerSum(1));
    }

    private io.restassured.response.Response order(long userId, long quantity, Long userCouponId, boolean payNow) {
        return asUser(userId).body(body(userId, quantity, userCouponId, payNow)).post("/api/v1/orders");
    }

    private String body(long userId, long quantity, Long userCouponId, boolean payNow) {
        return "{\"userId\":%d,\"payNow\":%s,\"userCouponId\":%s,\"items\":[{\"productId\":%d,\"quantity\":%d}]}"
                .formatted(userId, payNow, userCouponId, jacket.productId(), quantity);
    }
}
