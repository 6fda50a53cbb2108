package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.support.error.BusinessException;

class CouponApiConcurrencyTest extends CouponTestSupport {

    @Autowired
    CouponApi couponApi;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void twoOrdersUsingOneCouponAtOnceNeverBothGetIt() throws Exception {
        assertOnlyOneOrderWins(2);
    }

    @Test
    void tenOrdersUsingOneCouponAtOnceNeverBothGetIt() throws Exception {
        assertOnlyOneOrderWins(10);
    }

    private void assertOnlyOneOrderWins(int orders) throws Exception {
        long couponId = createCoupon(10, "discountValue", 2000);
        long userCouponId = issue(1, couponId).statusCode(201).extract().jsonPath().getLong("userCouponId");

        List<String> outcomes = race(orders, i -> {
            try {
                transactions.executeWithoutResult(status -> {
                    couponApi.use(1, userCouponId, "order-" + i, 30_000);
                    pause(); // hold the row lock while the others arrive
                });
                return "order-" + i;
            } catch (BusinessException refused) {
                return refused.errorCode().name();
            }
        });

        List<String> winners = outcomes.stream().filter(o -> o.startsWith("order-")).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("order-")).hasSize(orders - 1)
                .containsOnly("COUPON_NOT_USABLE");
        assertThat(jdbc.sql("select order_id from user_coupon where id = :id").param("id", userCouponId)
                .query(String.class).single()).isEqualTo(winners.get(0));
    }

    private static List<String> race(int count, java.util.function.IntFunction<String> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
