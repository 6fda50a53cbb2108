package shop.commerce.coupon;

import java.util.List;
import java.util.Optional;

/**
 * What the order capability may do with a user's coupons. Writes join the caller's transaction
 * (there must be one); reads join it when there is one. Using a coupon is part of an order's
 * payment statement, which checks and marks it on the locked row.
 */
public interface CouponApi {

    /** Read-only: checks owned by userId, AVAILABLE, not expired at now, minOrderAmount <= orderTotal; returns the discount. Throws BusinessException COUPON_NOT_USABLE (409) otherwise, also when the user coupon does not exist. */
    CouponDiscount quote(long userId, long userCouponId, long orderTotal);

    /** Read-only: the discount when {@link #quote} would give one, otherwise empty. */
    Optional<CouponDiscount> discountIfUsable(long userId, long userCouponId, long orderTotal);


    /** Gives back the coupon used by orderId (clears used_at and order_id) -> AVAILABLE again, or EXPIRED if its time passed. No-op if not used by that order. */
    void release(long userCouponId, String orderId);

    /** The user's coupons usable now for an order of orderTotal, best (largest discount) first. */
    List<CouponDiscount> usableFor(long userId, long orderTotal);

    record CouponDiscount(long userCouponId, String name, long discountAmount) {
    }
}
