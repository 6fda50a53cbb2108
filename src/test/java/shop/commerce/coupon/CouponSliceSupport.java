package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.springframework.beans.factory.annotation.Autowired;

import shop.commerce.coupon.application.CreateCouponService;
import shop.commerce.coupon.application.IssueCouponCommand;
import shop.commerce.coupon.application.IssueCouponService;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.error.BusinessException;
import shop.commerce.testing.ModuleSliceSupport;

/**
 * Coupons alone on PostgreSQL and Redis (the issue gate's keys, and the per-user rate limiter of
 * {@code support} that issuing takes a token from). Coupons are created and issued through the
 * capability's own services.
 */
abstract class CouponSliceSupport extends ModuleSliceSupport {

    @Autowired
    CreateCouponService createCoupon;

    @Autowired
    IssueCouponService issueCoupon;

    /** A FIXED coupon of {@code discount} KRW, valid 7 days, issued at any time. */
    static CouponDefinition fixed(String name, long discount, int totalQuantity) {
        return new CouponDefinition(name, new DiscountRule(DiscountType.FIXED, discount, null, 0), totalQuantity, 7,
                IssueWindow.ALWAYS);
    }

    static CouponDefinition fixed(int totalQuantity) {
        return fixed("Coupon " + totalQuantity, 1000, totalQuantity);
    }

    long create(CouponDefinition definition) {
        return createCoupon.create(definition).id();
    }

    UserCoupon issue(long userId, long couponId) {
        return issueCoupon.issue(new IssueCouponCommand(userId, couponId)).userCoupon();
    }

    void assertRefused(long userId, long couponId, CouponErrorCode code) {
        BusinessException refusal = catchThrowableOfType(BusinessException.class, () -> issue(userId, couponId));
        assertThat(refusal).as("issue of coupon %d to user %d", couponId, userId).isNotNull();
        assertThat(refusal.errorCode()).isEqualTo(code);
    }

    CouponTables tables() {
        return new CouponTables(jdbc);
    }
}
