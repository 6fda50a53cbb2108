package shop.commerce.consistency.domain;

/** The invariants verified by a consistency run, by the stable names the API reports. */
public enum ConsistencyCheck {
    /** Every balance equals the sum of its ledger and is not negative. */
    BALANCE_EQUALS_LEDGER,
    /** Every ledger row's balance_after is the sum of its user's amounts up to and including it. */
    LEDGER_RUNNING_TOTALS_HOLD,
    /** Every paid order (still paid or cancelled since) has exactly one matching debit, and every debit its paid order. */
    PAID_ORDERS_MATCH_DEBITS,
    /** Every cancelled paid order has exactly one matching refund, and every refund its cancelled paid order. */
    CANCELLED_ORDERS_MATCH_REFUNDS,
    /** No option has negative or over-reserved stock, and reserved equals the pending orders' quantities. */
    STOCK_MATCHES_ORDERS,
    /** Each option's total equals what was put in (created and restocked) minus what its paid orders hold. */
    STOCK_MATCHES_RECEIPTS,
    /** Each coupon's issued_quantity equals its issued user coupons and never passes the quota. */
    COUPON_ISSUES_MATCH_QUOTA,
    /** Every USED user coupon belongs to exactly one PAID order, and every PAID order's coupon is used by it. */
    USED_COUPONS_MATCH_PAID_ORDERS,
    /**
     * Every payment and cancellation inside the outbox retention window has exactly one outbox event,
     * and every event there belongs to an order that was paid.
     */
    ORDER_EVENTS_IN_OUTBOX,
    /** Daily sales statistics plus the sales not yet folded equal the paid orders' lines, per day and product. */
    SALES_STATISTICS_MATCH_ORDERS,
    /** No order is still pending payment more than a minute past its expiry (the sweeper could not expire it). */
    ORDERS_EXPIRE_ON_TIME
}
