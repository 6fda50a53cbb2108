package shop.commerce.coupon.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.coupon.CouponErrorCode;
import shop.commerce.coupon.domain.CouponIssueGate;
import shop.commerce.coupon.domain.CouponRepository;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.id.RandomIds;
import shop.commerce.support.ratelimit.RateLimitedOperation;
import shop.commerce.support.ratelimit.UserRateLimiter;

/**
 * First come, first served. Once this instance knows a coupon sold out ({@link SoldOutCoupons}) it
 * answers from that memory; until then the gate answers the requests that cannot win without
 * touching the database. A winner's claim is written to the database, which enforces the quota and one coupon
 * per user whatever the gate said, and the claim is then confirmed, or given back if the database
 * refused or failed. Deliberately not transactional: the gate may wait on a lock, and the
 * database write is a single atomic statement. Counts {@code commerce_coupon_issues_total{outcome}}
 * ({@code issued}, {@code sold_out}, {@code already_issued}, {@code not_issuable}, {@code not_found},
 * {@code gate_unavailable}, {@code rate_limited}, {@code refused} for any other rule, {@code error}) and logs one line per coupon issued.
 */
@Service
public class IssueCouponService {

    private static final Logger log = LoggerFactory.getLogger(IssueCouponService.class);

    private final CouponIssueGate gate;
    private final SoldOutCoupons soldOut;
    private final CouponRepository coupons;
    private final UserRateLimiter rateLimiter;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    IssueCouponService(CouponIssueGate gate, SoldOutCoupons soldOut, CouponRepository coupons,
            UserRateLimiter rateLimiter, Clock clock, MeterRegistry registry) {
        this.gate = gate;
        this.soldOut = soldOut;
        this.coupons = coupons;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.registry = registry;
    }

    public UserCouponResult issue(IssueCouponCommand command) {
        UserCouponResult result;
        try {
            result = firstComeFirstServed(command);
        } catch (BusinessException refusal) {
            String outcome = outcomeOf(refusal);
            issues(outcome).increment();
            log.debug("Coupon not issued: outcome={} coupon={} user={}", outcome, command.couponId(), command.userId());
            throw refusal;
        } catch (RuntimeException failure) {
            issues("error").increment();
            throw failure;
        }
        UserCoupon issued = result.userCoupon();
        issues("issued").increment();
        log.info("Coupon issued: coupon={} user={} userCoupon={} discount={} {} expiresAt={}", issued.couponId(),
                issued.userId(), issued.id(), issued.discount().value(), issued.discount().type(), issued.expiresAt());
        return result;
    }

    /** Registered once per outcome: registering looks the meter up, which a refusal should not pay for. */
    private Counter issues(String outcome) {
        return counters.computeIfAbsent(outcome, tag -> Counter.builder("commerce.coupon.issues")
                .description("Coupon issue requests by outcome")
                .tag("outcome", tag).register(registry));
    }

    private static String outcomeOf(BusinessException refusal) {
        if (refusal.errorCode() instanceof CouponErrorCode code) {
            return switch (code) {
                case COUPON_SOLD_OUT -> "sold_out";
                case COUPON_ALREADY_ISSUED -> "already_issued";
                case COUPON_NOT_ISSUABLE -> "not_issuable";
                case COUPON_NOT_FOUND -> "not_found";
                case COUPON_NOT_USABLE -> "refused";
            };
        }
        if (refusal.errorCode() == CommonErrorCode.SERVICE_UNAVAILABLE) {
            return "gate_unavailable";
        }
        return refusal.errorCode() == CommonErrorCode.RATE_LIMITED ? "rate_limited" : "refused";
    }

    private UserCouponResult firstComeFirstServed(IssueCouponCommand command) {
        rateLimiter.acquire(RateLimitedOperation.COUPON_ISSUES, command.userId());
        Instant now = clock.instant();
        Optional<IssueRefusal> knownSoldOut = soldOut.refusalAt(command.couponId(), command.userId(), now);
        if (knownSoldOut.isPresent()) {
            throw knownSoldOut.get().toException(command.couponId());
        }
        String claimId = RandomIds.uuid().toString();
        Optional<IssueRefusal> refusedByGate = gate.claim(command.couponId(), command.userId(), claimId, now);
        if (refusedByGate.isPresent()) {
            if (refusedByGate.get() == IssueRefusal.SOLD_OUT) {
                soldOut.gateSaidSoldOut(command.couponId());
            }
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
