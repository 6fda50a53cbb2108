package shop.commerce.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.ranking.domain.SalesRepository;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * Two aggregators folding batches that share daily rows at the same moment, many times over: no
 * deadlock, and every recorded quantity lands in the daily totals exactly once.
 */
class ConcurrentSalesFoldTest extends IntegrationTestSupport {

    private static final int ROUNDS = 15;
    private static final int PRODUCTS = 4_000;
    private static final int FEW_KEYS = 700;
    private static final int SALES = 16_000;
    private static final int FIRST_BATCH = 2_000;

    @Autowired
    SalesRepository sales;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoFoldsAtOnceNeverDeadlockAndCountEverySaleOnce() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.sql("truncate ranking_sale, product_sales_daily").update();
                // every daily row exists, so both folds update (lock) shared rows
                jdbc.sql("""
                        insert into product_sales_daily (sales_date, product_id, quantity, revenue)
                        select date '2026-11-22', p, 0, 0 from generate_series(1, :products) p
                        """).param("products", PRODUCTS).update();
                // the first batch touches a few keys, the second many more: their hash orders differ
                jdbc.sql("""
                        insert into ranking_sale (sales_date, product_id, quantity, revenue)
                        select date '2026-11-22', 1 + (i * 7919) % (case when i <= :first then :few else :products end), 1, 10
                          from generate_series(1, :sales) i order by i
                        """).param("products", PRODUCTS).param("few", FEW_KEYS).param("first", FIRST_BATCH)
                        .param("sales", SALES).update();
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<Integer> few = CompletableFuture.supplyAsync(() -> fold(transactions, start, FIRST_BATCH), pool);
                CompletableFuture<Integer> many = CompletableFuture.supplyAsync(() -> fold(transactions, start, SALES - FIRST_BATCH), pool);
                assertThat(few.get() + many.get()).isLessThanOrEqualTo(SALES);
                foldWhatIsLeft(transactions);
                assertThat(jdbc.sql("select sum(quantity) from product_sales_daily").query(Long.class).single())
                        .as("round %d", round).isEqualTo(SALES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The scheduled aggregator may hold a batch it has not committed yet: skip locked passes over it, so
     * this folds what is free and waits until no sale is left, counted from committed rows.
     */
    private void foldWhatIsLeft(TransactionTemplate transactions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql("select count(*) from ranking_sale").query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("sales still unfolded after 30 s").isLessThan(deadline);
            if (transactions.execute(status -> sales.foldIntoDailyTotals(5_000)) == 0) {
                Thread.sleep(10);
            }
        }
    }

    private int fold(TransactionTemplate transactions, CyclicBarrier start, int limit) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return transactions.execute(status -> sales.foldIntoDailyTotals(limit));
    }
}
