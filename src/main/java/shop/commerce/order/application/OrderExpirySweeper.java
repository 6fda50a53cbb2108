package shop.commerce.order.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.catalog.StockApi;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.support.persistence.AdvisoryLocks;

/**
 * Expires unpaid orders past their deadline and releases their reservations, without any request.
 * Every instance schedules it; a PostgreSQL advisory lock lets one sweep at a time, and it needs
 * nothing but the database, so it keeps working while Redis or Kafka are away.
 */
@Component
class OrderExpirySweeper implements SchedulingConfigurer {

    private static final int BATCH = 200;

    private final OrderRepository orders;
    private final StockApi stock;
    private final AdvisoryLocks locks;
    private final TransactionTemplate transactions;
    private final OrderMetrics metrics;
    private final OrderProperties properties;
    private final Clock clock;

    OrderExpirySweeper(OrderRepository orders, StockApi stock, AdvisoryLocks locks,
            PlatformTransactionManager transactionManager, OrderMetrics metrics, OrderProperties properties,
            Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.locks = locks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    void sweep() {
        int expired;
        do {
            expired = transactions.execute(status -> expireBatch());
        } while (expired == BATCH);
    }

    private int expireBatch() {
        if (!locks.tryLock("order-expiry-sweep")) {
            return 0;
        }
        List<Order> expired = orders.expireDue(clock.instant(), BATCH).stream().map(Order::expired).toList();
        if (!expired.isEmpty()) {
            stock.release(StockQuantities.of(expired));
            expired.forEach(order -> metrics.expired(order.id(), order.userId()));
        }
        return expired.size();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, properties.expirySweepInterval(), Duration.ZERO));
    }
}
