package shop.commerce.coupon.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record IssueCouponRequest(
        @Schema(description = "Optional; when given, the caller's own user id") Long userId,
        @NotNull @Positive Long couponId) {
}
