package shop.commerce.coupon.api;

import java.time.Instant;

import shop.commerce.coupon.application.UserCouponResult;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.coupon.domain.UserCouponStatus;

record UserCouponResponse(long userCouponId, long couponId, long userId, String name, DiscountType discountType,
        long discountValue, UserCouponStatus status, Instant issuedAt, Instant expiresAt, Instant usedAt,
        String orderId) {

    static UserCouponResponse from(UserCouponResult result) {
        UserCoupon coupon = result.userCoupon();
        return new UserCouponResponse(coupon.id(), coupon.couponId(), coupon.userId(), coupon.name(),
                coupon.discount().type(), coupon.discount().value(), result.status(), coupon.issuedAt(),
                coupon.expiresAt(), coupon.usedAt(), coupon.orderId());
    }
}
