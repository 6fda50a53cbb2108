package shop.commerce.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import shop.commerce.support.error.BusinessException;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.SecondInstance;

/**
 * Requests racing on two instances share one bucket per user (docs/api.md, Rate limits), however
 * their checks are batched into script calls: no more tokens than the burst plus what refilled
 * while they ran, and no fewer than the burst.
 */
class UserRateLimiterConcurrencyTest extends IntegrationTestSupport {

    private static final int THREADS_PER_INSTANCE = 100;
    private static final int TRIES_PER_THREAD = 3;

    @Autowired
    UserRateLimiter limiter;

    @Test
    void twoInstancesRacingOnOneUserTakeNoMoreThanTheBucketHolds() throws Exception {
        RateLimitProperties.Bucket bucket = new RateLimitProperties.Bucket(20, 100);
        try (ConfigurableApplicationContext secondInstance = SecondInstance.start()) {
            UserRateLimiter other = secondInstance.getBean(UserRateLimiter.class);
            CountDownLatch ready = new CountDownLatch(2 * THREADS_PER_INSTANCE);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
            List<Future<Integer>> allowed = new ArrayList<>();
            for (int i = 0; i < 2 * THREADS_PER_INSTANCE; i++) {
                UserRateLimiter instance = i % 2 == 0 ? limiter : other;
                allowed.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    int taken = 0;
                    for (int t = 0; t < TRIES_PER_THREAD; t++) {
                        try {
                            instance.acquire(RateLimitedOperation.ORDERS, 7);
                            taken++;
                        } catch (BusinessException refused) {
                            // over the limit
                        }
                    }
                    return taken;
                }));
            }
            ready.await();
            long started = System.nanoTime();
            go.countDown();
            int total = 0;
            for (Future<Integer> each : allowed) {
                total += each.get(60, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            threads.shutdown();

            long refilled = (long) Math.ceil(seconds * bucket.perSecond());
            assertThat(total).isBetween(bucket.burst(), bucket.burst() + (int) refilled);
        }
    }
}
