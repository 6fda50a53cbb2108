package shop.commerce.dataplatform;

import java.time.Instant;
import java.util.List;

/** An order paid: what the data platform hears of it. */
public record OrderPaid(String orderId, long userId, List<OrderItem> items, long totalAmount, long discountAmount,
        long paidAmount, Instant paidAt) {
}
