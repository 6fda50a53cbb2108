package shop.commerce.order.domain;

import java.time.Instant;
import java.util.List;

public record Order(String id, long userId, OrderStatus status, List<OrderLine> lines, long totalAmount,
        long discountAmount, Long userCouponId, boolean fromCart, Instant createdAt, Instant expiresAt,
        Instant paidAt, Instant cancelledAt) {

    /** An order paid in the same step that placed it. */
    public static Order paidAtOnce(String id, long userId, List<OrderLine> lines, long discountAmount,
            Long userCouponId, boolean fromCart, Instant now) {
        return new Order(id, userId, OrderStatus.PAID, lines, totalOf(lines), discountAmount, userCouponId, fromCart,
                now, null, now, null);
    }

    /** An order holding its stock until {@code expiresAt}, with the discount its coupon would give. */
    public static Order pending(String id, long userId, List<OrderLine> lines, long expectedDiscount,
            Long userCouponId, boolean fromCart, Instant now, Instant expiresAt) {
        return new Order(id, userId, OrderStatus.PENDING_PAYMENT, lines, totalOf(lines), expectedDiscount,
                userCouponId, fromCart, now, expiresAt, null, null);
    }

    public Order paid(long discount, Long couponId, Instant at) {
        return new Order(id, userId, OrderStatus.PAID, lines, totalAmount, discount, couponId, fromCart, createdAt,
                expiresAt, at, null);
    }

    public Order cancelled(Instant at) {
        return new Order(id, userId, OrderStatus.CANCELLED, lines, totalAmount, discountAmount, userCouponId, fromCart,
                createdAt, expiresAt, paidAt, at);
    }

    /** Paid at some point: a cancelled order may have been, a pending or expired one never was. */
    public boolean wasPaid() {
        return paidAt != null;
    }

    public long paidAmount() {
        return totalAmount - discountAmount;
    }

    public static long totalOf(List<OrderLine> lines) {
        return lines.stream().mapToLong(OrderLine::lineAmount).sum();
    }
}
