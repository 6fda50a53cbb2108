package shop.commerce.support.ratelimit;

/** The operations that have their own per-user bucket. */
public enum RateLimitedOperation {
    ORDERS, COUPON_ISSUES, CHARGES
}
