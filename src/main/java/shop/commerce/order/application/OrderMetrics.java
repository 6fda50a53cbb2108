package shop.commerce.order.application;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.ErrorCode;
import shop.commerce.support.idempotency.IdempotentReplay;
import shop.commerce.support.logging.LogContext;
import shop.commerce.support.persistence.AfterCommit;

/**
 * The order path's business metrics and its one INFO line per step:
 * <ul>
 * <li>{@code commerce_orders_total{outcome}}: {@code placed}, {@code paid}, {@code cancelled},
 * {@code expired}, or the error code of a refusal ({@code OUT_OF_STOCK}, ...);</li>
 * <li>{@code commerce_order_amount_krw_total}: what paid orders paid;</li>
 * <li>{@code commerce_stock_outs_total}: orders refused {@code OUT_OF_STOCK};</li>
 * <li>{@code commerce_order_expiry_failures_total}: attempts of the expiry sweeper to expire an order that failed;</li>
 * <li>{@code commerce_order_duration_seconds{operation,outcome}}: the order path, as a histogram;</li>
 * <li>{@code commerce_order_payment_batch_orders}: how many pay-now orders each payment statement paid.</li>
 * </ul>
 * A step that happens inside a transaction is counted and logged when that transaction commits, so a
 * rolled-back step leaves no trace; outside one it is counted at once. Refusals are counted at once.
 */
@Component
public class OrderMetrics {

    private static final Logger log = LoggerFactory.getLogger(OrderMetrics.class);
    private static final String ORDERS = "commerce.orders";

    private final MeterRegistry registry;
    private final Counter placed;
    private final Counter paid;
    private final Counter cancelled;
    private final Counter expired;
    private final Counter paidAmount;
    private final Counter stockOuts;
    private final Counter expiryFailures;
    private final DistributionSummary paymentBatches;

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.placed = outcome("placed");
        this.paid = outcome("paid");
        this.cancelled = outcome("cancelled");
        this.expired = outcome("expired");
        this.paidAmount = Counter.builder("commerce.order.amount.krw")
                .description("KRW paid by orders (after discounts); refunds are not subtracted")
                .register(registry);
        this.stockOuts = Counter.builder("commerce.stock.outs")
                .description("Orders refused because an option's available stock was short")
                .register(registry);
        this.expiryFailures = Counter.builder("commerce.order.expiry.failures")
                .description("Orders the expiry sweeper failed to expire (left pending, retried later)")
                .register(registry);
        this.paymentBatches = DistributionSummary.builder("commerce.order.payment.batch.orders")
                .description("Pay-now orders paid together by one statement (PaymentBatcher)")
                .register(registry);
    }

    /** One payment statement paid {@code orders} pay-now orders together. */
    public void paymentBatch(int orders) {
        paymentBatches.record(orders);
    }

    /** An order was created (pending, or paid at once: then {@link #paid} follows). */
    public void placed(String orderId, long userId, long totalAmount, int lines) {
        LogContext.order(orderId);
        AfterCommit.run(() -> {
            placed.increment();
            log.info("Order placed: order={} user={} total={} KRW lines={}", orderId, userId, totalAmount, lines);
        });
    }

    /** An order was paid: {@code paidAmount} = total - discount left the balance. */
    public void paid(String orderId, long userId, long totalAmount, long discountAmount, long paidAmount) {
        LogContext.order(orderId);
        AfterCommit.run(() -> {
            paid.increment();
            this.paidAmount.increment(paidAmount);
            log.info("Order paid: order={} user={} total={} KRW discount={} KRW paid={} KRW", orderId, userId,
                    totalAmount, discountAmount, paidAmount);
        });
    }

    /** An order was placed and paid in one step: {@link #placed} and {@link #paid} in one log line. */
    public void placedAndPaid(String orderId, long userId, long totalAmount, long discountAmount, long paidAmount,
            int lines) {
        LogContext.order(orderId);
        AfterCommit.run(() -> {
            placed.increment();
            paid.increment();
            this.paidAmount.increment(paidAmount);
            log.info("Order placed and paid: order={} user={} total={} KRW discount={} KRW paid={} KRW lines={}",
                    orderId, userId, totalAmount, discountAmount, paidAmount, lines);
        });
    }

    /** An order was cancelled; {@code refundedAmount} is 0 for one never paid. */
    public void cancelled(String orderId, long userId, long refundedAmount) {
        LogContext.order(orderId);
        AfterCommit.run(() -> {
            cancelled.increment();
            log.info("Order cancelled: order={} user={} refunded={} KRW", orderId, userId, refundedAmount);
        });
    }

    /** The expiry sweeper expired an unpaid order and released its stock (one call per order). */
    public void expired(String orderId, long userId) {
        AfterCommit.run(() -> LogContext.withOrder(orderId, userId, () -> {
            expired.increment();
            log.info("Order expired: order={} user={} (unpaid past its deadline, stock released)", orderId, userId);
        }));
    }

    /**
     * The expiry sweeper failed to expire an order (its transaction rolled back): the order stays
     * pending and is skipped for a while. Counted and logged at once, at ERROR.
     */
    public void expiryFailed(String orderId, long userId, RuntimeException cause) {
        expiryFailures.increment();
        LogContext.withOrder(orderId, userId, () -> log.error(
                "Order expiry failed: order={} user={} stays pending and is skipped for now: {}", orderId, userId,
                cause.toString()));
    }

    /**
     * A request was refused by a rule ({@code OUT_OF_STOCK}, {@code INSUFFICIENT_BALANCE}, ...). Refusals
     * thrown through {@link #timed} are counted by it: call this only for those that are not.
     */
    public void refused(ErrorCode code) {
        registry.counter(ORDERS, "outcome", code.name()).increment();
        if (code == CatalogErrorCode.OUT_OF_STOCK) {
            stockOuts.increment();
        }
        log.info("Order refused: code={}", code.name());
    }

    /**
     * Times one pass through the order path ({@code operation}: {@code place}, {@code pay} or
     * {@code cancel}; {@code outcome}: {@code ok}, {@code refused}, {@code replayed} or {@code error})
     * and counts a refusal that leaves it as a {@link BusinessException}.
     */
    public <T> T timed(String operation, Supplier<T> orderPath) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = orderPath.get();
            outcome = "ok";
            return result;
        } catch (IdempotentReplay replay) {
            // a retry of the same key finished first (in another batch): its answer is this one's
            outcome = "replayed";
            throw replay;
        } catch (BusinessException refusal) {
            outcome = "refused";
            refused(refusal.errorCode());
            throw refusal;
        } finally {
            sample.stop(Timer.builder("commerce.order.duration")
                    .description("Time spent placing, paying or cancelling an order")
                    .tag("operation", operation).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry));
        }
    }

    private Counter outcome(String outcome) {
        return Counter.builder(ORDERS).description("Orders by outcome: placed, paid, cancelled, expired, or the"
                + " error code of a refusal").tag("outcome", outcome).register(registry);
    }
}
