package shop.commerce.coupon.domain;

import java.util.Objects;

/**
 * What a coupon takes off an order: a fixed amount or a percentage rounded down to the won, capped
 * by {@code maxDiscountAmount} when there is one, and never more than the order total. The coupon
 * applies only to orders of at least {@code minOrderAmount}.
 */
public record DiscountRule(DiscountType type, long value, Long maxDiscountAmount, long minOrderAmount) {

    public DiscountRule {
        Objects.requireNonNull(type, "type");
        if (value < 1 || (type == DiscountType.PERCENT && value > 100)) {
            throw new IllegalArgumentException("Invalid " + type + " discount value " + value);
        }
        if ((maxDiscountAmount != null && maxDiscountAmount < 0) || minOrderAmount < 0) {
            throw new IllegalArgumentException("Amounts may not be negative");
        }
    }

    public boolean appliesTo(long orderTotal) {
        return orderTotal >= minOrderAmount;
    }

    public long discountFor(long orderTotal) {
        if (orderTotal <= 0) {
            return 0;
        }
        long discount = type == DiscountType.FIXED ? value : percentOf(orderTotal);
        if (maxDiscountAmount != null) {
            discount = Math.min(discount, maxDiscountAmount);
        }
        return Math.min(discount, orderTotal);
    }

    /** floor(total * value / 100) without overflowing for any long total. */
    private long percentOf(long orderTotal) {
        return orderTotal / 100 * value + orderTotal % 100 * value / 100;
    }
}
