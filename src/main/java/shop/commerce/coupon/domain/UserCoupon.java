package shop.commerce.coupon.domain;

import java.time.Instant;

/** A coupon issued to one user; {@code usedAt} and {@code orderId} are set while an order uses it. */
public record UserCoupon(long id, long couponId, long userId, String name, DiscountRule discount, Instant issuedAt,
        Instant expiresAt, Instant usedAt, String orderId) {

    public UserCouponStatus statusAt(Instant now) {
        return UserCouponStatus.of(usedAt, expiresAt, now);
    }

    /** Available at {@code now} and its minimum order amount met by {@code orderTotal}. */
    public boolean isUsableFor(long orderTotal, Instant now) {
        return statusAt(now) == UserCouponStatus.AVAILABLE && discount.appliesTo(orderTotal);
    }

    public long discountFor(long orderTotal) {
        return discount.discountFor(orderTotal);
    }
}
