package shop.commerce.coupon.application;

import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.coupon.domain.UserCouponStatus;

/** A user coupon with its status at the time it was read. */
public record UserCouponResult(UserCoupon userCoupon, UserCouponStatus status) {
}
