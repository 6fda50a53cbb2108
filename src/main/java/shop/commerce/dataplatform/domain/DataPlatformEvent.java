package shop.commerce.dataplatform.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import shop.commerce.dataplatform.OrderCancelled;
import shop.commerce.dataplatform.OrderItem;
import shop.commerce.dataplatform.OrderPaid;

/**
 * One event as the data platform receives it (the JSON body of the Kafka record). Both kinds carry
 * the payment's {@code paidAt}; {@code occurredAt} is when the payment or the cancellation happened.
 */
@JsonPropertyOrder({ "eventId", "eventType", "occurredAt", "orderId", "userId", "items", "totalAmount",
        "discountAmount", "paidAmount", "paidAt" })
public record DataPlatformEvent(UUID eventId, OrderEventType eventType, Instant occurredAt, String orderId,
        long userId, List<Item> items, long totalAmount, long discountAmount, long paidAmount, Instant paidAt) {

    public record Item(long productId, long optionId, long quantity, long unitPrice) {
    }

    public static DataPlatformEvent paid(UUID eventId, OrderPaid paid) {
        return new DataPlatformEvent(eventId, OrderEventType.ORDER_PAID, paid.paidAt(), paid.orderId(), paid.userId(),
                items(paid.items()), paid.totalAmount(), paid.discountAmount(), paid.paidAmount(), paid.paidAt());
    }

    public static DataPlatformEvent cancelled(UUID eventId, OrderCancelled cancelled) {
        return new DataPlatformEvent(eventId, OrderEventType.ORDER_CANCELLED, cancelled.cancelledAt(),
                cancelled.orderId(), cancelled.userId(), items(cancelled.items()), cancelled.totalAmount(),
                cancelled.discountAmount(), cancelled.paidAmount(), cancelled.paidAt());
    }

    private static List<Item> items(List<OrderItem> items) {
        return items.stream().map(i -> new Item(i.productId(), i.optionId(), i.quantity(), i.unitPrice())).toList();
    }
}
