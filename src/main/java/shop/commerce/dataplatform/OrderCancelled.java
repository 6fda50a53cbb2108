package shop.commerce.dataplatform;

import java.time.Instant;
import java.util.List;

/** A paid order cancelled and refunded: what the data platform hears of it. */
public record OrderCancelled(String orderId, long userId, List<OrderItem> items, long totalAmount,
        long discountAmount, long paidAmount, Instant paidAt, Instant cancelledAt) {
}
