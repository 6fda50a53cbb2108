package shop.commerce.order.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.DataPlatformFeed.FeedEntry;
import shop.commerce.dataplatform.DataPlatformFeed;
import shop.commerce.dataplatform.OrderCancelled;
import shop.commerce.dataplatform.OrderItem;
import shop.commerce.dataplatform.OrderPaid;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OutboxAndSales;
import shop.commerce.support.time.ZoneProperties;

/**
 * Builds what a payment or a cancellation records besides the order, in the same statement: its
 * data-platform feed entry (whose id and body the data platform decides) and its day's sales.
 */
@Component
class OutboxAndSalesFactory {

    private final DataPlatformFeed feed;
    private final ZoneProperties zone;

    OutboxAndSalesFactory(DataPlatformFeed feed, ZoneProperties zone) {
        this.feed = feed;
        this.zone = zone;
    }

    OutboxAndSales paid(Order order) {
        FeedEntry entry = feed.paid(new OrderPaid(order.id(), order.userId(), items(order), order.totalAmount(),
                order.discountAmount(), order.paidAmount(), order.paidAt()));
        return record(entry, order, 1);
    }

    /** A paid order's cancellation: its sales are taken off the payment's day. */
    OutboxAndSales cancelled(Order order, Instant cancelledAt) {
        FeedEntry entry = feed.cancelled(new OrderCancelled(order.id(), order.userId(), items(order),
                order.totalAmount(), order.discountAmount(), order.paidAmount(), order.paidAt(), cancelledAt));
        return record(entry, order, -1);
    }

    private OutboxAndSales record(FeedEntry entry, Order order, int salesSign) {
        return new OutboxAndSales(entry.eventId(), entry.eventType(), entry.payload(),
                LocalDate.ofInstant(order.paidAt(), zone.zone()), salesSign);
    }

    private static List<OrderItem> items(Order order) {
        return order.lines().stream()
                .map(l -> new OrderItem(l.productId(), l.optionId(), l.quantity(), l.unitPrice()))
                .toList();
    }
}
