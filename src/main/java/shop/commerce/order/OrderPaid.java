package shop.commerce.order;

import java.time.Instant;
import java.util.List;

/** Published inside the payment's transaction: listeners that write join it, or fail it. */
public record OrderPaid(String orderId, long userId, List<OrderItem> items, long totalAmount, long discountAmount,
        long paidAmount, Instant paidAt) {
}
