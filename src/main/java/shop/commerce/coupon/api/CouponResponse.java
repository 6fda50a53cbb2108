package shop.commerce.coupon.api;

import java.time.Instant;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.DiscountType;

record CouponResponse(long id, String name, DiscountType discountType, long discountValue, Long maxDiscountAmount,
        long minOrderAmount, int totalQuantity, int issuedQuantity, int remainingQuantity, int validDays,
        Instant issueStartsAt, Instant issueEndsAt) {

    static CouponResponse from(Coupon coupon) {
        CouponDefinition definition = coupon.definition();
        return new CouponResponse(coupon.id(), definition.name(), definition.discount().type(),
                definition.discount().value(), definition.discount().maxDiscountAmount(),
                definition.discount().minOrderAmount(), definition.totalQuantity(), coupon.issuedQuantity(),
                coupon.remainingQuantity(), definition.validDays(), definition.issueWindow().startsAt(),
                definition.issueWindow().endsAt());
    }
}
