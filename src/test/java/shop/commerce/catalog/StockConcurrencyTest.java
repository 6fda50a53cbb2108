package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.restassured.path.json.JsonPath;
import shop.commerce.catalog.StockApi.OptionQuantity;
import shop.commerce.testing.IntegrationTestSupport;

class StockConcurrencyTest extends IntegrationTestSupport {

    @Autowired
    StockApi stockApi;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aHundredThreadsReservingTheLastUnitsNeverOversell() throws Exception {
        long option = create(CatalogTestData.plain("Limited Sneaker", 99000, 10)).getLong("options[0].id");
        AtomicInteger reserved = new AtomicInteger();

        List<Throwable> failures = race(100, i -> {
            List<Long> shortOptions = transactions.execute(s -> stockApi.reserve(List.of(new OptionQuantity(option, 1))));
            if (shortOptions.isEmpty()) {
                reserved.incrementAndGet();
            }
        });

        assertThat(failures).isEmpty();
        assertThat(reserved).hasValue(10);
        assertThat(stock(option)).containsExactly(10L, 10L);
    }

    @Test
    void movementsTouchingTheSameOptionsInOppositeOrdersNeverDeadlock() throws Exception {
        JsonPath product = create(CatalogTestData.shirt("Linen Shirt", 1000, 1000));
        long black = product.getLong("options[0].id");
        long white = product.getLong("options[1].id");

        List<Throwable> failures = race(100, i -> transactions.executeWithoutResult(s -> {
            List<OptionQuantity> lines = i % 2 == 0
                    ? List.of(new OptionQuantity(black, 1), new OptionQuantity(white, 1))
                    : List.of(new OptionQuantity(white, 1), new OptionQuantity(black, 1));
            assertThat(stockApi.reserve(lines)).isEmpty();
            stockApi.release(lines.subList(0, 1));
        }));

        assertThat(failures).isEmpty();
        assertThat(stock(black)).containsExactly(1000L, 50L);
        assertThat(stock(white)).containsExactly(1000L, 50L);
    }

    private interface Work {
        void run(int index) throws Exception;
    }

    private static List<Throwable> race(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    work.run(index);
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonPath create(String body) {
        return asAdmin(1).body(body).post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
    }

    private List<Long> stock(long optionId) {
        return jdbc.sql("select total, reserved from option_stock where option_id = :id").param("id", optionId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }
}
