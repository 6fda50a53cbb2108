package shop.commerce.coupon.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record IssueCouponRequest(@NotNull @Positive Long couponId) {
}
