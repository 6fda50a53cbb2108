package shop.commerce.coupon.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.support.web.ClientInstant;
import shop.commerce.support.web.PlainText;

@ValidCouponTerms
record CreateCouponRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotNull DiscountType discountType,
        @Schema(description = "KRW off for FIXED (>= 1), percent off for PERCENT (1..100)")
        @NotNull @Min(1) Long discountValue,
        @Schema(description = "Caps the discount; null: no cap")
        @PositiveOrZero Long maxDiscountAmount,
        @Schema(description = "The smallest order total the coupon applies to; default 0")
        @PositiveOrZero Long minOrderAmount,
        @NotNull @Min(1) Integer totalQuantity,
        @Schema(description = "A user coupon expires this many days after it is issued")
        @NotNull @Min(1) @Max(CouponDefinition.MAX_VALID_DAYS) Integer validDays,
        @Schema(description = "Issuing opens at this time (inclusive); null: open")
        @ClientInstant Instant issueStartsAt,
        @Schema(description = "Issuing closes at this time (exclusive); null: open")
        @ClientInstant Instant issueEndsAt) {

    CouponDefinition toDefinition() {
        return new CouponDefinition(name,
                new DiscountRule(discountType, discountValue, maxDiscountAmount,
                        minOrderAmount == null ? 0 : minOrderAmount),
                totalQuantity, validDays, new IssueWindow(issueStartsAt, issueEndsAt));
    }
}
