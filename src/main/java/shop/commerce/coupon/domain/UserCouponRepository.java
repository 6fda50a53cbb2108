package shop.commerce.coupon.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The coupons issued to users. Releasing is a single conditional statement (using is the payment's). */
public interface UserCouponRepository {

    /** A user's coupons, newest first, only those in {@code status} at {@code now} when it is given. */
    List<UserCoupon> ofUser(long userId, UserCouponStatus status, Instant now);

    Optional<UserCoupon> findOwned(long userId, long userCouponId);


    /** Clears the use by {@code orderId}; false when the coupon was not used by that order. */
    boolean release(long userCouponId, String orderId);

    /** The user's unused coupons not expired at {@code now} whose minimum is met by {@code orderTotal}. */
    List<UserCoupon> usable(long userId, long orderTotal, Instant now);
}
