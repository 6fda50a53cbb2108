package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;

class CouponIssueConcurrencyTest extends CouponTestSupport {

    @Test
    void twoThousandUsersRacingForAHundredCouponsGetExactlyAHundred() throws Exception {
        long couponId = createCoupon(100);

        List<Result> results = raceDistinctUsers(2_000, couponId);

        assertThat(userCouponRows(couponId)).isEqualTo(100);
        assertThat(distinctHolders(couponId)).isEqualTo(100);
        assertThat(issuedQuantity(couponId)).isEqualTo(100);
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(100);
        assertThat(results).filteredOn(r -> r.status() != 201).hasSize(1_900)
                .allMatch(r -> r.status() == 409 && r.body().contains("\"COUPON_SOLD_OUT\""));
    }

    @Test
    void oneUserSendingFiftyRequestsAtOnceGetsOneCoupon() throws Exception {
        long couponId = createCoupon(100);
        String token = token(7, Role.USER);

        List<Result> results = ConcurrentRequests.run(50,
                i -> Call.post(issueUrl(7), token, "{\"couponId\":" + couponId + "}"));

        assertThat(userCouponRows(couponId)).isEqualTo(1);
        assertThat(issuedQuantity(couponId)).isEqualTo(1);
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() != 201).hasSize(49)
                .allMatch(r -> r.status() == 409 && r.body().contains("\"COUPON_ALREADY_ISSUED\""));
    }

    @Test
    void theQuotaHoldsWhenRedisLosesEverythingInTheMiddleOfTheRace() throws Exception {
        long couponId = createCoupon(100);
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger flushes = new AtomicInteger();
        CompletableFuture<Void> wiper = CompletableFuture.runAsync(() -> {
            // wipe Redis twice, once a fifth and once half of the coupons are in the database
            for (int threshold : new int[] { 20, 50 }) {
                while (racing.get() && issuedQuantity(couponId) < threshold) {
                    pause();
                }
                if (racing.get()) {
                    redisson.getKeys().flushall();
                    flushes.incrementAndGet();
                }
            }
        });

        List<Result> results;
        try {
            results = raceDistinctUsers(2_000, couponId);
        } finally {
            racing.set(false);
            wiper.get(30, TimeUnit.SECONDS);
        }

        long issued = userCouponRows(couponId);
        assertThat(flushes.get()).isPositive();
        assertThat(issued).isLessThanOrEqualTo(100).isEqualTo(issuedQuantity(couponId))
                .isEqualTo(distinctHolders(couponId));
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize((int) issued);
        assertThat(results).filteredOn(r -> r.status() != 201)
                .allMatch(r -> r.status() == 409 && r.body().contains("\"COUPON_SOLD_OUT\""));
        // the gate came back in line with the database: nothing was lost, nothing more is issued
        assertThat(issued).isEqualTo(100);
        issue(5_000, couponId).statusCode(409);
        assertThat(userCouponRows(couponId)).isEqualTo(100);
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Result> raceDistinctUsers(int users, long couponId) throws Exception {
        List<String> tokens = IntStream.rangeClosed(1, users).mapToObj(userId -> token(userId, Role.USER)).toList();
        return ConcurrentRequests.run(users,
                i -> Call.post(issueUrl(i + 1), tokens.get(i), "{\"couponId\":" + couponId + "}"));
    }
}
