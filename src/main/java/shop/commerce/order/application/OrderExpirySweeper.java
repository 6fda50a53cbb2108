package shop.commerce.order.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>
 * Orders expire in batches of one transaction each. When a release fails (an order whose stock
 * row no longer holds its reservation), the batch rolls back and its orders are expired one at a
 * time instead, so the others still expire; the failing order stays pending, is logged and
 * counted ({@code commerce_order_expiry_failures_total}), and this instance leaves it alone for
 * {@link #RETRY_FAILED_AFTER} before trying it again. The consistency check
 * {@code ORDERS_EXPIRE_ON_TIME} reports it meanwhile.
 */
@Component
class OrderExpirySweeper implements SchedulingConfigurer {

    private static final int BATCH = 200;
    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(5);
    private static final String LOCK = "order-expiry-sweep";

    private final OrderRepository orders;
    private final StockApi stock;
    private final AdvisoryLocks locks;
    private final TransactionTemplate transactions;
    private final OrderMetrics metrics;
    private final OrderProperties properties;
    private final Clock clock;
    /** Orders whose expiry failed, by when: skipped until {@link #RETRY_FAILED_AFTER} has passed. */
    private final Map<String, Instant> failed = new ConcurrentHashMap<>();

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
        Instant now = clock.instant();
        failed.values().removeIf(since -> !now.isBefore(since.plus(RETRY_FAILED_AFTER)));
        int tried;
        do {
            try {
                tried = transactions.execute(status -> expireBatch());
            } catch (RuntimeException batchFailed) {
                tried = expireOneByOne();
            }
        } while (tried == BATCH);
    }

    private int expireBatch() {
        if (!locks.tryLock(LOCK)) {
            return 0;
        }
        List<Order> expired = due(BATCH);
        if (!expired.isEmpty()) {
            stock.release(StockQuantities.of(expired));
            expired.forEach(order -> metrics.expired(order.id(), order.userId()));
        }
        return expired.size();
    }

    /**
     * Up to a batch of orders, each in a transaction of its own; returns how many were tried. A
     * failure that no order was being expired in (the database went away) is thrown.
     */
    private int expireOneByOne() {
        for (int tried = 0; tried < BATCH; tried++) {
            AtomicReference<Order> attempt = new AtomicReference<>();
            try {
                boolean expiredOne = transactions.execute(status -> {
                    if (!locks.tryLock(LOCK)) {
                        return false;
                    }
                    List<Order> due = due(1);
                    if (due.isEmpty()) {
                        return false;
                    }
                    Order order = due.get(0);
                    attempt.set(order);
                    stock.release(StockQuantities.of(due));
                    metrics.expired(order.id(), order.userId());
                    return true;
                });
                if (!expiredOne) {
                    return tried;
                }
            } catch (RuntimeException failure) {
                Order order = attempt.get();
                if (order == null) {
                    throw failure;
                }
                failed.put(order.id(), clock.instant());
                metrics.expiryFailed(order.id(), order.userId(), failure);
            }
        }
        return BATCH;
    }

    private List<Order> due(int limit) {
        return orders.expireDue(clock.instant(), limit, failed.keySet()).stream().map(Order::expired).toList();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, properties.expirySweepInterval(), Duration.ZERO));
    }
}
