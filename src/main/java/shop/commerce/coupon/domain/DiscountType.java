package shop.commerce.coupon.domain;

public enum DiscountType {
    /** {@code discountValue} KRW off. */
    FIXED,
    /** {@code discountValue} percent off (1..100), rounded down to the won. */
    PERCENT
}
