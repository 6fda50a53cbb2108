package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.coupon.CouponApi.CouponDiscount;
import shop.commerce.support.error.BusinessException;

class CouponApiIntegrationTest extends CouponTestSupport {

    @Autowired
    CouponApi couponApi;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void quotesTheDiscountOfAnAvailableCoupon() {
        long userCouponId = issuedTo(1, coupon(10, "name", "10% up to 5,000", "discountType", "PERCENT",
                "discountValue", 10, "maxDiscountAmount", 5000, "minOrderAmount", 10000));

        assertThat(inTransaction(() -> couponApi.quote(1, userCouponId, 38_990)))
                .isEqualTo(new CouponDiscount(userCouponId, "10% up to 5,000", 3_899));
        assertThat(couponApi.quote(1, userCouponId, 90_000).discountAmount()).isEqualTo(5_000);
        assertThat(couponApi.quote(1, userCouponId, 10_000).discountAmount()).isEqualTo(1_000);
        assertThat(statusOf(1, userCouponId)).isEqualTo("AVAILABLE");
    }

    @Test
    void aFixedDiscountNeverExceedsTheOrderTotal() {
        long userCouponId = issuedTo(1, coupon(10, "discountValue", 5000));
        assertThat(couponApi.quote(1, userCouponId, 3_000).discountAmount()).isEqualTo(3_000);
    }

    @Test
    void refusesToQuoteACouponThatIsNotUsable() {
        long userCouponId = issuedTo(1, coupon(10, "minOrderAmount", 20000, "validDays", 1));

        assertNotUsable(() -> couponApi.quote(2, userCouponId, 50_000));
        assertNotUsable(() -> couponApi.quote(1, 9_999, 50_000));
        assertNotUsable(() -> couponApi.quote(1, userCouponId, 19_999));
        assertThat(couponApi.quote(1, userCouponId, 20_000).discountAmount()).isEqualTo(1_000);
        clock.advance(Duration.ofDays(1));
        assertNotUsable(() -> couponApi.quote(1, userCouponId, 50_000));
    }

    @Test
    void releasingRequiresTheCallersTransaction() {
        long userCouponId = issuedTo(1, coupon(10));
        markUsed(userCouponId, "order-1");
        assertThatThrownBy(() -> couponApi.release(userCouponId, "order-1"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(orderOf(userCouponId)).isEqualTo("order-1");
    }

    @Test
    void releasingGivesTheCouponBack() {
        long userCouponId = issuedTo(1, coupon(10));
        markUsed(userCouponId, "order-1");

        transactions.executeWithoutResult(s -> couponApi.release(userCouponId, "order-1"));

        asUser(1).get("/api/v1/users/1/coupons").then()
                .body("[0].status", equalTo("AVAILABLE"))
                .body("[0].usedAt", nullValue())
                .body("[0].orderId", nullValue());
        assertThat(couponApi.quote(1, userCouponId, 50_000).discountAmount()).isEqualTo(1_000);
    }

    @Test
    void releasingByAnotherOrderChangesNothing() {
        long userCouponId = issuedTo(1, coupon(10));
        markUsed(userCouponId, "order-1");

        transactions.executeWithoutResult(s -> couponApi.release(userCouponId, "order-9"));
        transactions.executeWithoutResult(s -> couponApi.release(9_999, "order-1"));

        assertThat(statusOf(1, userCouponId)).isEqualTo("USED");
        assertThat(orderOf(userCouponId)).isEqualTo("order-1");
    }

    @Test
    void aCouponReleasedAfterItsExpiryIsExpired() {
        long userCouponId = issuedTo(1, coupon(10, "validDays", 2));
        markUsed(userCouponId, "order-1");
        clock.advance(Duration.ofDays(3));

        transactions.executeWithoutResult(s -> couponApi.release(userCouponId, "order-1"));

        assertThat(statusOf(1, userCouponId)).isEqualTo("EXPIRED");
        assertNotUsable(() -> couponApi.quote(1, userCouponId, 50_000));
    }

    @Test
    void listsTheCouponsUsableForAnOrderBestFirst() {
        long fixed3000 = issuedTo(1, coupon(10, "name", "3,000 off", "discountValue", 3000));
        long percent10 = issuedTo(1, coupon(10, "name", "10%", "discountType", "PERCENT", "discountValue", 10));
        long percent20Capped = issuedTo(1, coupon(10, "name", "20% up to 2,000", "discountType", "PERCENT",
                "discountValue", 20, "maxDiscountAmount", 2000));
        issuedTo(1, coupon(10, "name", "Minimum 100,000", "discountValue", 9000, "minOrderAmount", 100000));
        long used = issuedTo(1, coupon(10, "name", "Used", "discountValue", 8000));
        markUsed(used, "order-1");
        issuedTo(2, coupon(10, "name", "Someone else's", "discountValue", 7000));

        List<CouponDiscount> usable = inTransaction(() -> couponApi.usableFor(1, 50_000));

        assertThat(usable).containsExactly(
                new CouponDiscount(percent10, "10%", 5_000),
                new CouponDiscount(fixed3000, "3,000 off", 3_000),
                new CouponDiscount(percent20Capped, "20% up to 2,000", 2_000));
        assertThat(couponApi.usableFor(1, 10_000)).extracting(CouponDiscount::userCouponId)
                .containsExactly(fixed3000, percent20Capped, percent10);
        clock.advance(Duration.ofDays(7));
        assertThat(couponApi.usableFor(1, 50_000)).isEmpty();
    }

    private long issuedTo(long userId, java.util.Map<String, Object> coupon) {
        long couponId = createCoupon(coupon);
        return issue(userId, couponId).statusCode(201).extract().jsonPath().getLong("userCouponId");
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private String statusOf(long userId, long userCouponId) {
        return asUser(userId).get("/api/v1/users/" + userId + "/coupons").then().statusCode(200).extract()
                .jsonPath().getString("find { it.userCouponId == " + userCouponId + " }.status");
    }

    private String orderOf(long userCouponId) {
        return jdbc.sql("select order_id from user_coupon where id = :id").param("id", userCouponId)
                .query(String.class).list().get(0);
    }

    private static void assertNotUsable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).errorCode().name()).isEqualTo("COUPON_NOT_USABLE");
    }
}
