package shop.commerce.ranking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.ranking.domain.SalesRepository;

/**
 * Folds recorded sales into the daily statistics. Every instance may run it at once: each batch
 * claims its rows with {@code skip locked} and moves them in one statement.
 * <p>
 * A round that completes has folded every sale committed before it began (rows another instance held
 * were folded by that one), so {@code commerce_sales_aggregation_lag_seconds}, the time since the start
 * of this instance's last completed round, bounds how far the statistics lag behind the orders. Beside
 * it, {@code commerce_ranking_max_staleness_seconds} is the configured limit, for alerts to compare.
 */
@Component
class SalesAggregator implements SchedulingConfigurer {

    private static final int BATCH = 5_000;

    private final SalesRepository sales;
    private final TransactionTemplate transactions;
    private final RankingProperties properties;
    private final Clock clock;
    private volatile Instant lastCompletedRoundStart;

    SalesAggregator(SalesRepository sales, PlatformTransactionManager transactionManager, Clock clock,
            RankingProperties properties, MeterRegistry registry) {
        this.sales = sales;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.lastCompletedRoundStart = clock.instant();
        Gauge.builder("commerce.sales.aggregation.lag", this, SalesAggregator::lagSeconds)
                .description("Time since the start of this instance's last completed sales aggregation round")
                .baseUnit("seconds").register(registry);
        Gauge.builder("commerce.ranking.max.staleness", properties, p -> p.maxStaleness().toMillis() / 1000.0)
                .description("commerce.ranking.max-staleness: how late a payment may show in the ranking")
                .baseUnit("seconds").register(registry);
    }

    void aggregate() {
        Instant start = clock.instant();
        int moved;
        do {
            moved = transactions.execute(status -> sales.foldIntoDailyTotals(BATCH));
        } while (moved == BATCH);
        lastCompletedRoundStart = start;
    }

    private double lagSeconds() {
        return Math.max(0, Duration.between(lastCompletedRoundStart, clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::aggregate, properties.aggregationInterval(), Duration.ZERO));
    }
}
