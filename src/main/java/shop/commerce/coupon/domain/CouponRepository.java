package shop.commerce.coupon.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Coupons and their quota, the source of truth for what was issued. */
public interface CouponRepository {

    Coupon create(CouponDefinition definition, Instant now);

    Optional<Coupon> find(long couponId);

    boolean anyExists();

    /**
     * Issues the coupon to the user in one atomic statement: the quota is taken
     * ({@code issued_quantity < total_quantity}, window open at {@code now}) and the user coupon is
     * inserted together, or nothing changes. Empty when refused for any reason; then
     * {@link #whyNotIssued} says which. Not to be called inside a transaction.
     */
    Optional<UserCoupon> issue(long couponId, long userId, Instant now);

    /** The reason, by precedence, that {@link #issue} refused the user this coupon at {@code now}. */
    IssueRefusal whyNotIssued(long couponId, long userId, Instant now);

    /** The users who hold the coupon, as the database records them. */
    List<Long> holders(long couponId);
}
