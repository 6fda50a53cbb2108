package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import shop.commerce.balance.BalanceErrorCode;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.order.application.OrderMetrics;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.logging.LogContext;

@ExtendWith(OutputCaptureExtension.class)
class OrderMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OrderMetrics metrics = new OrderMetrics(registry);

    @AfterEach
    void clearContext() {
        MDC.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void countsEachOutcomeAndThePaidAmount(CapturedOutput output) {
        metrics.placed("o-1", 7, 50_000, 2);
        metrics.paid("o-1", 7, 50_000, 5_000, 45_000);
        metrics.cancelled("o-1", 7, 45_000);
        metrics.expired("o-2", 8);
        metrics.expired("o-3", 8);

        assertThat(orders("placed")).isEqualTo(1);
        assertThat(orders("paid")).isEqualTo(1);
        assertThat(orders("cancelled")).isEqualTo(1);
        assertThat(orders("expired")).isEqualTo(2);
        assertThat(registry.get("commerce.order.amount.krw").counter().count()).isEqualTo(45_000);
        assertThat(output.getOut()).contains("Order placed: order=o-1 user=7 total=50000 KRW lines=2")
                .contains("Order paid: order=o-1 user=7 total=50000 KRW discount=5000 KRW paid=45000 KRW")
                .contains("Order cancelled: order=o-1 user=7 refunded=45000 KRW")
                .contains("Order expired: order=o-3 user=8");
    }

    @Test
    void anOrderPlacedAndPaidAtOnceCountsBothInOneLine(CapturedOutput output) {
        metrics.placedAndPaid("o-9", 7, 50_000, 5_000, 45_000, 2);

        assertThat(orders("placed")).isEqualTo(1);
        assertThat(orders("paid")).isEqualTo(1);
        assertThat(registry.get("commerce.order.amount.krw").counter().count()).isEqualTo(45_000);
        assertThat(output.getOut()).contains(
                "Order placed and paid: order=o-9 user=7 total=50000 KRW discount=5000 KRW paid=45000 KRW lines=2")
                .doesNotContain("Order placed: order=o-9").doesNotContain("Order paid: order=o-9");
    }

    @Test
    void countsAndLogsOnlyWhenTheTransactionCommits() {
        List<TransactionSynchronization> committed = inTransaction(() -> metrics.paid("o-1", 7, 10_000, 0, 10_000));
        assertThat(orders("paid")).isZero();
        committed.forEach(TransactionSynchronization::afterCommit);
        assertThat(orders("paid")).isEqualTo(1);

        inTransaction(() -> metrics.placed("o-2", 7, 10_000, 1)); // rolled back: no afterCommit
        assertThat(orders("placed")).isZero();
    }

    @Test
    void namesTheOrderInTheLogContextOfTheRestOfTheRequest() {
        metrics.placed("o-9", 7, 10_000, 1);
        assertThat(MDC.get(LogContext.ORDER_ID)).isEqualTo("o-9");

        metrics.expired("o-10", 8);
        assertThat(MDC.get(LogContext.ORDER_ID)).isEqualTo("o-9");
    }

    @Test
    void timesTheOrderPathAndCountsRefusalsByCode() {
        assertThat(metrics.timed("place", () -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> metrics.timed("place", () -> {
            throw CatalogErrorCode.outOfStock(List.of(3L));
        })).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> metrics.timed("pay", () -> {
            throw new BusinessException(BalanceErrorCode.INSUFFICIENT_BALANCE, "short");
        })).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> metrics.timed("cancel", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(orders("OUT_OF_STOCK")).isEqualTo(1);
        assertThat(orders("INSUFFICIENT_BALANCE")).isEqualTo(1);
        assertThat(registry.get("commerce.stock.outs").counter().count()).isEqualTo(1);
        assertThat(timer("place", "ok").count()).isEqualTo(1);
        assertThat(timer("place", "refused").count()).isEqualTo(1);
        assertThat(timer("pay", "refused").count()).isEqualTo(1);
        assertThat(timer("cancel", "error").count()).isEqualTo(1);
    }

    @Test
    void aRefusalOutsideTheTimerIsCountedOnce() {
        metrics.refused(CatalogErrorCode.OUT_OF_STOCK);
        assertThat(orders("OUT_OF_STOCK")).isEqualTo(1);
        assertThat(registry.get("commerce.stock.outs").counter().count()).isEqualTo(1);
    }

    private double orders(String outcome) {
        var counter = registry.find("commerce.orders").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer timer(String operation, String outcome) {
        return registry.get("commerce.order.duration").tag("operation", operation).tag("outcome", outcome).timer();
    }

    private static List<TransactionSynchronization> inTransaction(Runnable step) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            step.run();
            return TransactionSynchronizationManager.getSynchronizations();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
