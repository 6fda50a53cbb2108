package shop.commerce.ranking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import shop.commerce.order.OrderCancelled;
import shop.commerce.order.OrderItem;
import shop.commerce.order.OrderPaid;
import shop.commerce.ranking.domain.SaleRecord;
import shop.commerce.ranking.domain.SalesRepository;
import shop.commerce.support.time.ZoneProperties;

/**
 * Records each paid or cancelled order's lines as sales of the payment's day, in the order's own
 * transaction: an append, so no two orders contend here.
 */
@Component
class SalesRecorder {

    private final SalesRepository sales;
    private final ZoneProperties zone;

    SalesRecorder(SalesRepository sales, ZoneProperties zone) {
        this.sales = sales;
        this.zone = zone;
    }

    @EventListener
    void on(OrderPaid paid) {
        sales.record(records(paid.items(), paid.paidAt(), 1));
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        sales.record(records(cancelled.items(), cancelled.paidAt(), -1));
    }

    private List<SaleRecord> records(List<OrderItem> items, Instant paidAt, int sign) {
        LocalDate day = LocalDate.ofInstant(paidAt, zone.zone());
        return items.stream()
                .map(item -> new SaleRecord(day, item.productId(), sign * item.quantity(),
                        sign * item.quantity() * item.unitPrice()))
                .toList();
    }
}
