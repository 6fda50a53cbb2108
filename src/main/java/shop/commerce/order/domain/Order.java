package shop.commerce.order.domain;

import java.time.Instant;
import java.util.List;

public record Order(String id, long userId, OrderStatus status, List<OrderLine> lines, long totalAmount,
        long discountAmount, Long userCouponId, boolean fromCart, Instant createdAt, Instant expiresAt,
        Instant paidAt, Instant cancelledAt) {

    public long paidAmount() {
        return totalAmount - discountAmount;
    }

    public static long totalOf(List<OrderLine> lines) {
        return lines.stream().mapToLong(OrderLine::lineAmount).sum();
    }
}
