package shop.commerce.order.api;

import jakarta.validation.constraints.Positive;

/** The coupon to pay with; absent, the one given when the order was placed applies. */
record PayOrderRequest(@Positive Long userCouponId) {
}
