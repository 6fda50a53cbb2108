package shop.commerce.ranking.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.ranking.domain.SalesRepository;

/**
 * Folds recorded sales into the daily statistics. Every instance may run it at once: each batch
 * claims its rows with {@code skip locked} and moves them in one statement.
 */
@Component
class SalesAggregator {

    private static final int BATCH = 5_000;

    private final SalesRepository sales;
    private final TransactionTemplate transactions;

    SalesAggregator(SalesRepository sales, PlatformTransactionManager transactionManager) {
        this.sales = sales;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${commerce.ranking.aggregation-interval:10s}")
    void aggregate() {
        int moved;
        do {
            moved = transactions.execute(status -> sales.foldIntoDailyTotals(BATCH));
        } while (moved == BATCH);
    }
}
