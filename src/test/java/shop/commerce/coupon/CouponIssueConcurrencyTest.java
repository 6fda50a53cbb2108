package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.error.BusinessException;
import shop.commerce.testing.ConcurrentCalls;
import shop.commerce.testing.ConcurrentCalls.Outcome;

/** Issues raced through the coupon service, gate and database included, asserted from the database. */
@ApplicationModuleTest(extraIncludes = "support")
class CouponIssueConcurrencyTest extends CouponSliceSupport {

    @Autowired
    RedissonClient redisson;

    @Test
    void twoThousandUsersRacingForAHundredCouponsGetExactlyAHundred() throws Exception {
        long couponId = create(fixed(100));

        List<Outcome<UserCoupon>> outcomes = ConcurrentCalls.race(2_000, i -> issue(i + 1, couponId));

        assertThat(tables().userCouponRows(couponId)).isEqualTo(100);
        assertThat(tables().distinctHolders(couponId)).isEqualTo(100);
        assertThat(tables().issuedQuantity(couponId)).isEqualTo(100);
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(100);
        assertAllRefusedAs(outcomes, 1_900, CouponErrorCode.COUPON_SOLD_OUT);
    }

    @Test
    void oneUserSendingFiftyRequestsAtOnceGetsOneCoupon() throws Exception {
        long couponId = create(fixed(100));

        List<Outcome<UserCoupon>> outcomes = ConcurrentCalls.race(50, i -> issue(7, couponId));

        assertThat(tables().userCouponRows(couponId)).isEqualTo(1);
        assertThat(tables().issuedQuantity(couponId)).isEqualTo(1);
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertAllRefusedAs(outcomes, 49, CouponErrorCode.COUPON_ALREADY_ISSUED);
    }

    @Test
    void theQuotaHoldsWhenRedisLosesEverythingInTheMiddleOfTheRace() throws Exception {
        long couponId = create(fixed(100));
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger flushes = new AtomicInteger();
        CompletableFuture<Void> wiper = CompletableFuture.runAsync(() -> {
            // wipe Redis twice, once a fifth and once half of the coupons are in the database
            for (int threshold : new int[] { 20, 50 }) {
                while (racing.get() && tables().issuedQuantity(couponId) < threshold) {
                    pause();
                }
                if (racing.get()) {
                    redisson.getKeys().flushall();
                    flushes.incrementAndGet();
                }
            }
        });

        List<Outcome<UserCoupon>> outcomes;
        try {
            outcomes = ConcurrentCalls.race(2_000, i -> issue(i + 1, couponId));
        } finally {
            racing.set(false);
            wiper.get(30, TimeUnit.SECONDS);
        }

        long issued = tables().userCouponRows(couponId);
        assertThat(flushes.get()).isPositive();
        assertThat(issued).isLessThanOrEqualTo(100).isEqualTo(tables().issuedQuantity(couponId))
                .isEqualTo(tables().distinctHolders(couponId));
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize((int) issued);
        assertAllRefusedAs(outcomes, 2_000 - (int) issued, CouponErrorCode.COUPON_SOLD_OUT);
        // the gate came back in line with the database: nothing was lost, nothing more is issued
        assertThat(issued).isEqualTo(100);
        assertRefused(5_000, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(100);
    }

    private static void assertAllRefusedAs(List<Outcome<UserCoupon>> outcomes, int count, CouponErrorCode code) {
        assertThat(ConcurrentCalls.failures(outcomes)).hasSize(count).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(BusinessException.class, refusal -> assertThat(refusal.errorCode())
                        .isEqualTo(code)));
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
