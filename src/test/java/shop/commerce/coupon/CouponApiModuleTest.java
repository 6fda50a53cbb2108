package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.coupon.CouponApi.CouponDiscount;
import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.coupon.application.UserCouponResult;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.error.BusinessException;

/** What ordering asks of coupons ({@link CouponApi}): quotes, the usable list and giving a coupon back. */
@ApplicationModuleTest(extraIncludes = "support")
class CouponApiModuleTest extends CouponSliceSupport {

    @Autowired
    CouponApi couponApi;

    @Autowired
    CouponQueries queries;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void quotesTheDiscountOfAnAvailableCoupon() {
        long userCouponId = issuedTo(1, coupon("10% up to 5,000", DiscountType.PERCENT, 10, 5000L, 10000, 7));

        assertThat(inTransaction(() -> couponApi.quote(1, userCouponId, 38_990)))
                .isEqualTo(new CouponDiscount(userCouponId, "10% up to 5,000", 3_899));
        assertThat(couponApi.quote(1, userCouponId, 90_000).discountAmount()).isEqualTo(5_000);
        assertThat(couponApi.quote(1, userCouponId, 10_000).discountAmount()).isEqualTo(1_000);
        assertThat(statusOf(1, userCouponId)).isEqualTo("AVAILABLE");
    }

    @Test
    void aFixedDiscountNeverExceedsTheOrderTotal() {
        long userCouponId = issuedTo(1, coupon("5,000 off", DiscountType.FIXED, 5000, null, 0, 7));
        assertThat(couponApi.quote(1, userCouponId, 3_000).discountAmount()).isEqualTo(3_000);
    }

    @Test
    void refusesToQuoteACouponThatIsNotUsable() {
        long userCouponId = issuedTo(1, coupon("Minimum 20,000", DiscountType.FIXED, 1000, null, 20000, 1));

        assertNotUsable(() -> couponApi.quote(2, userCouponId, 50_000));
        assertNotUsable(() -> couponApi.quote(1, 9_999, 50_000));
        assertNotUsable(() -> couponApi.quote(1, userCouponId, 19_999));
        assertThat(couponApi.quote(1, userCouponId, 20_000).discountAmount()).isEqualTo(1_000);
        clock.advance(Duration.ofDays(1));
        assertNotUsable(() -> couponApi.quote(1, userCouponId, 50_000));
    }

    @Test
    void releasingRequiresTheCallersTransaction() {
        long userCouponId = issuedTo(1, fixed(10));
        tables().markUsed(userCouponId, "order-1", clock.instant());
        assertThatThrownBy(() -> couponApi.release(userCouponId, "order-1"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(orderOf(userCouponId)).isEqualTo("order-1");
    }

    @Test
    void releasingGivesTheCouponBack() {
        long userCouponId = issuedTo(1, fixed(10));
        tables().markUsed(userCouponId, "order-1", clock.instant());

        transactions.executeWithoutResult(s -> couponApi.release(userCouponId, "order-1"));

        UserCoupon released = queries.userCoupons(1, null).get(0).userCoupon();
        assertThat(statusOf(1, userCouponId)).isEqualTo("AVAILABLE");
        assertThat(released.usedAt()).isNull();
        assertThat(released.orderId()).isNull();
        assertThat(couponApi.quote(1, userCouponId, 50_000).discountAmount()).isEqualTo(1_000);
    }

    @Test
    void releasingByAnotherOrderChangesNothing() {
        long userCouponId = issuedTo(1, fixed(10));
        tables().markUsed(userCouponId, "order-1", clock.instant());

        transactions.executeWithoutResult(s -> couponApi.release(userCouponId, "order-9"));
        transactions.executeWithoutResult(s -> couponApi.release(9_999, "order-1"));

        assertThat(statusOf(1, userCouponId)).isEqualTo("USED");
        assertThat(orderOf(userCouponId)).isEqualTo("order-1");
    }

    @Test
    void aCouponReleasedAfterItsExpiryIsExpired() {
        long userCouponId = issuedTo(1, coupon("Two days", DiscountType.FIXED, 1000, null, 0, 2));
        tables().markUsed(userCouponId, "order-1", clock.instant());
        clock.advance(Duration.ofDays(3));

        transactions.executeWithoutResult(s -> couponApi.release(userCouponId, "order-1"));

        assertThat(statusOf(1, userCouponId)).isEqualTo("EXPIRED");
        assertNotUsable(() -> couponApi.quote(1, userCouponId, 50_000));
    }

    @Test
    void listsTheCouponsUsableForAnOrderBestFirst() {
        long fixed3000 = issuedTo(1, coupon("3,000 off", DiscountType.FIXED, 3000, null, 0, 7));
        long percent10 = issuedTo(1, coupon("10%", DiscountType.PERCENT, 10, null, 0, 7));
        long percent20Capped = issuedTo(1, coupon("20% up to 2,000", DiscountType.PERCENT, 20, 2000L, 0, 7));
        issuedTo(1, coupon("Minimum 100,000", DiscountType.FIXED, 9000, null, 100000, 7));
        long used = issuedTo(1, coupon("Used", DiscountType.FIXED, 8000, null, 0, 7));
        tables().markUsed(used, "order-1", clock.instant());
        issuedTo(2, coupon("Someone else's", DiscountType.FIXED, 7000, null, 0, 7));

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

    private static CouponDefinition coupon(String name, DiscountType type, long value, Long maxDiscountAmount,
            long minOrderAmount, int validDays) {
        return new CouponDefinition(name, new DiscountRule(type, value, maxDiscountAmount, minOrderAmount), 10,
                validDays, IssueWindow.ALWAYS);
    }

    private long issuedTo(long userId, CouponDefinition coupon) {
        return issue(userId, create(coupon)).id();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private String statusOf(long userId, long userCouponId) {
        return queries.userCoupons(userId, null).stream().filter(r -> r.userCoupon().id() == userCouponId)
                .map(UserCouponResult::status).findFirst().orElseThrow().name();
    }

    private String orderOf(long userCouponId) {
        return tables().orderOf(userCouponId);
    }

    private static void assertNotUsable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).errorCode().name()).isEqualTo("COUPON_NOT_USABLE");
    }
}
