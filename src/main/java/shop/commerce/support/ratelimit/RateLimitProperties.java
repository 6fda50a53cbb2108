package shop.commerce.support.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.rate-limit.*}: per-user token buckets shared by all instances.
 * {@code orders} covers order, payment and cancel requests; {@code coupon-issues} coupon issuing;
 * {@code charges} balance charges.
 */
@ConfigurationProperties("commerce.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue Bucket orders,
        @DefaultValue Bucket couponIssues, @DefaultValue Bucket charges) {

    Bucket bucketOf(RateLimitedOperation operation) {
        return switch (operation) {
            case ORDERS -> orders;
            case COUPON_ISSUES -> couponIssues;
            case CHARGES -> charges;
        };
    }

    /** Refills {@code perSecond} tokens a second up to {@code burst}; a request takes one. */
    public record Bucket(@DefaultValue("20") int perSecond, @DefaultValue("100") int burst) {
    }
}
