package shop.commerce.order.api;

import com.fasterxml.jackson.annotation.JsonSetter;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;
import shop.commerce.order.application.PaymentCoupon;

/**
 * The coupon to pay with. Absent, the coupon given when the order was placed applies; an explicit
 * {@code null} pays without a coupon. Jackson calls the setter for an explicit null and not for an
 * absent field, which is how the two are told apart.
 */
class PayOrderRequest {

    @Positive
    @Schema(nullable = true, description = "absent: the coupon given at creation; null: no coupon")
    private Long userCouponId;

    @Schema(hidden = true)
    private boolean couponNamed;

    public Long getUserCouponId() {
        return userCouponId;
    }

    @JsonSetter("userCouponId")
    void setUserCouponId(Long userCouponId) {
        this.userCouponId = userCouponId;
        this.couponNamed = true;
    }

    PaymentCoupon coupon() {
        return couponNamed ? PaymentCoupon.named(userCouponId) : PaymentCoupon.QUOTED;
    }
}
