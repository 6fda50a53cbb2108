package shop.commerce.coupon.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

import shop.commerce.coupon.domain.CouponIssueGate;
import shop.commerce.coupon.domain.CouponRepository;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.id.RandomIds;
import shop.commerce.support.ratelimit.RateLimitedOperation;
import shop.commerce.support.ratelimit.UserRateLimiter;

/**
 * First come, first served. The gate answers the requests that cannot win without touching the
 * database; a winner's claim is written to the database, which enforces the quota and one coupon
 * per user whatever the gate said, and the claim is then confirmed, or given back if the database
 * refused or failed. Deliberately not transactional: the gate may wait on a lock, and the
 * database write is a single atomic statement.
 */
@Service
public class IssueCouponService {

    private final CouponIssueGate gate;
    private final CouponRepository coupons;
    private final UserRateLimiter rateLimiter;
    private final Clock clock;

    IssueCouponService(CouponIssueGate gate, CouponRepository coupons, UserRateLimiter rateLimiter, Clock clock) {
        this.gate = gate;
        this.coupons = coupons;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public UserCouponResult issue(IssueCouponCommand command) {
        rateLimiter.acquire(RateLimitedOperation.COUPON_ISSUES, command.userId());
        Instant now = clock.instant();
        String claimId = RandomIds.uuid().toString();
        Optional<IssueRefusal> refusedByGate = gate.claim(command.couponId(), command.userId(), claimId, now);
        if (refusedByGate.isPresent()) {
            throw refusedByGate.get().toException(command.couponId());
        }
        UserCoupon issued = writeClaim(command.couponId(), command.userId(), claimId, now);
        return new UserCouponResult(issued, issued.statusAt(now));
    }

    /** Writes a claimed coupon to the database, then tells the gate how it went. */
    private UserCoupon writeClaim(long couponId, long userId, String claimId, Instant now) {
        Optional<UserCoupon> issued;
        try {
            issued = coupons.issue(couponId, userId, now);
        } catch (RuntimeException failure) {
            gate.giveBack(couponId, userId, claimId);
            throw failure;
        }
        if (issued.isPresent()) {
            gate.confirm(couponId, userId);
            return issued.get();
        }
        IssueRefusal refusal;
        try {
            refusal = coupons.whyNotIssued(couponId, userId, now);
        } catch (RuntimeException failure) {
            gate.giveBack(couponId, userId, claimId);
            throw failure;
        }
        if (refusal == IssueRefusal.ALREADY_ISSUED) {
            gate.confirm(couponId, userId); // the gate had forgotten this user
        } else {
            gate.giveBack(couponId, userId, claimId);
            gate.resynchronize(couponId);
        }
        throw refusal.toException(couponId);
    }
}
