package shop.commerce.consistency.domain;

/** The invariants verified by a consistency run, by the stable names the API reports. */
public enum ConsistencyCheck {
    /** Every balance equals the sum of its ledger and is not negative. */
    BALANCE_EQUALS_LEDGER,
    /** No option has negative or over-reserved stock, and reserved equals the pending orders' quantities. */
    STOCK_MATCHES_ORDERS,
    /** Each coupon's issued_quantity equals its issued user coupons and never passes the quota. */
    COUPON_ISSUES_MATCH_QUOTA,
    /** Every USED user coupon belongs to exactly one PAID order, and every PAID order's coupon is used by it. */
    USED_COUPONS_MATCH_PAID_ORDERS,
    /** Every payment and cancellation inside the outbox retention window has exactly one outbox event. */
    ORDER_EVENTS_IN_OUTBOX,
    /** Daily sales statistics plus the sales not yet folded equal the paid orders' lines, per day and product. */
    SALES_STATISTICS_MATCH_ORDERS
}
