package shop.commerce.coupon.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Stands in front of the database while a coupon is in demand: it answers the requests that cannot
 * win (already issued, sold out, outside the window) and lets only the winners through, each with
 * a pending claim on one slot. The database still enforces the quota; the gate only keeps the
 * losers away from it, and is rebuilt from the database whenever it has forgotten.
 */
public interface CouponIssueGate {

    /**
     * Claims a slot of the coupon for the user at {@code now}, or says why not.
     *
     * @param claimId unique to this request; the claim is given back by it
     * @return empty when the user now holds a pending claim, to be {@linkplain #confirm confirmed}
     *         or {@linkplain #giveBack given back}
     * @throws shop.commerce.support.error.BusinessException {@code SERVICE_UNAVAILABLE} when the
     *         gate cannot be reached
     */
    Optional<IssueRefusal> claim(long couponId, long userId, String claimId, Instant now);

    /** The database holds the user's coupon: the user counts as issued from now on. */
    void confirm(long couponId, long userId);

    /** The database did not issue the coupon for this claim: its slot is free again. */
    void giveBack(long couponId, long userId, String claimId);

    /** The database disagreed with the gate: bring the gate back in line with it. */
    void resynchronize(long couponId);
}
