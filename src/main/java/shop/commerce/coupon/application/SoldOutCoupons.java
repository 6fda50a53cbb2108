package shop.commerce.coupon.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponRepository;
import shop.commerce.coupon.domain.IssueRefusal;

/**
 * This instance's memory of coupons the database holds as sold out, with their holders, so that
 * the refusals after a sell-out need neither the gate nor the database. A sell-out is final: a
 * coupon's definition never changes and an issued coupon is never taken back (docs/adr/0003-coupon-issue-gate.md), so
 * the holders read once the quota is reached are all there will ever be, and every answer
 * ({@code COUPON_NOT_ISSUABLE}, {@code COUPON_ALREADY_ISSUED}, {@code COUPON_SOLD_OUT}, in
 * docs/api.md's order) follows from them and the clock. The gate saying "sold out" is only the
 * cue to look: its pending claims may still be given back, so only the database's count is
 * remembered. Entries expire {@link #REMEMBERED_FOR} after they were read (by the application's
 * clock), so a database restored under a running instance is read again soon.
 */
@Component
public class SoldOutCoupons {

    private static final Logger log = LoggerFactory.getLogger(SoldOutCoupons.class);
    static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    /** While claims are in flight the gate says "sold out" before the database does: look again after this. */
    static final long RECHECK_NANOS = Duration.ofMillis(100).toNanos();
    /** Holders are kept as a sorted array, 8 bytes each; a larger quota is never remembered. */
    static final int MOST_HOLDERS = 1_000_000;

    /** A sold-out coupon and its holders, sorted. */
    private record SoldOut(Coupon coupon, long[] holders) {

        IssueRefusal refusalAt(Instant now, long userId) {
            return coupon.refusalAt(now, Arrays.binarySearch(holders, userId) >= 0).orElseThrow();
        }
    }

    private final CouponRepository coupons;
    private final Cache<Long, SoldOut> soldOut;
    /**
     * When each coupon was last looked up, by this instance; at most one lookup per coupon at a time.
     * Forgotten a while after the last lookup, so coupons that never sold out do not pile up.
     */
    private final ConcurrentMap<Long, Long> lookedUpAt = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).<Long, Long>build().asMap();

    SoldOutCoupons(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.soldOut = Caffeine.newBuilder().expireAfterWrite(REMEMBERED_FOR).maximumSize(1_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** The refusal for the user at {@code now} if the coupon is known to be sold out; empty otherwise. */
    Optional<IssueRefusal> refusalAt(long couponId, long userId, Instant now) {
        SoldOut known = soldOut.getIfPresent(couponId);
        return known == null ? Optional.empty() : Optional.of(known.refusalAt(now, userId));
    }

    /**
     * The gate said the coupon is sold out: remember it if the database agrees. At most one
     * request per coupon looks, and not more often than every {@link #RECHECK_NANOS}; the others
     * carry on with the gate's answer.
     */
    void gateSaidSoldOut(long couponId) {
        if (soldOut.getIfPresent(couponId) != null) {
            return;
        }
        long now = System.nanoTime();
        Long previous = lookedUpAt.get(couponId);
        boolean mine = previous == null ? lookedUpAt.putIfAbsent(couponId, now) == null
                : now - previous >= RECHECK_NANOS && lookedUpAt.replace(couponId, previous, now);
        if (!mine) {
            return;
        }
        try {
            coupons.find(couponId)
                    .filter(coupon -> coupon.remainingQuantity() <= 0
                            && coupon.definition().totalQuantity() <= MOST_HOLDERS)
                    .ifPresent(coupon -> soldOut.put(couponId, new SoldOut(coupon,
                            coupons.holders(couponId).stream().mapToLong(Long::longValue).sorted().toArray())));
        } catch (RuntimeException failure) {
            // the request already has the gate's answer; the next one looks again
            log.warn("Could not read whether coupon {} is sold out: {}", couponId, failure.toString());
        }
    }

    /** Forgets every coupon (for a database emptied under a running instance, as tests do). */
    public void clear() {
        soldOut.invalidateAll();
        lookedUpAt.clear();
    }
}
