package shop.commerce.order.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order and its lines. It is created pending or paid at once; {@link #paid}, {@link #cancelled}
 * and {@link #expired} build its next state, and refuse a transition {@link OrderStatus} does not
 * allow.
 */
public record Order(String id, long userId, OrderStatus status, List<OrderLine> lines, long totalAmount,
        long discountAmount, Long userCouponId, boolean fromCart, Instant createdAt, Instant expiresAt,
        Instant paidAt, Instant cancelledAt) {

    /** An order paid in the same step that placed it. */
    public static Order paidAtOnce(String id, long userId, List<OrderLine> lines, long discountAmount,
            Long userCouponId, boolean fromCart, Instant now) {
        return new Order(id, userId, OrderStatus.PAID, lines, totalOf(lines), discountAmount, userCouponId, fromCart,
                now, null, now, null);
    }

    /**
     * An order holding its stock until {@code expiresAt}, with the discount its coupon would give
     * (a quote: {@link #wasPaid} tells whether anything was discounted and paid).
     */
    public static Order pending(String id, long userId, List<OrderLine> lines, long expectedDiscount,
            Long userCouponId, boolean fromCart, Instant now, Instant expiresAt) {
        return new Order(id, userId, OrderStatus.PENDING_PAYMENT, lines, totalOf(lines), expectedDiscount,
                userCouponId, fromCart, now, expiresAt, null, null);
    }

    /** Paid at {@code at}, with this discount from this coupon (null: none). */
    public Order paid(long discount, Long couponId, Instant at) {
        return new Order(id, userId, next(OrderStatus.PAID), lines, totalAmount, discount, couponId, fromCart,
                createdAt, expiresAt, at, null);
    }

    public Order cancelled(Instant at) {
        return new Order(id, userId, next(OrderStatus.CANCELLED), lines, totalAmount, discountAmount, userCouponId,
                fromCart, createdAt, expiresAt, paidAt, at);
    }

    public Order expired() {
        return new Order(id, userId, next(OrderStatus.EXPIRED), lines, totalAmount, discountAmount, userCouponId,
                fromCart, createdAt, expiresAt, null, null);
    }

    /** Pending and not past its deadline at {@code now}: what paying it requires. */
    public boolean payableAt(Instant now) {
        return status.canBecome(OrderStatus.PAID) && now.isBefore(expiresAt);
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

    private OrderStatus next(OrderStatus target) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("Order " + id + " cannot go from " + status + " to " + target);
        }
        return target;
    }
}
