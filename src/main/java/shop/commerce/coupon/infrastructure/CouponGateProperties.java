package shop.commerce.coupon.infrastructure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.coupon.gate.*}: the Redis gate in front of coupon issuing.
 *
 * @param claimTtl how long a claim stays pending without the database confirming it; a claim
 *        whose instance died frees its slot after this
 * @param idleTtl how long a gate nobody uses stays in Redis; it is rebuilt from the database on
 *        the next request
 * @param rebuildWait how long a request waits for another instance rebuilding the same gate
 * @param rebuildLease the longest a rebuild may hold the gate's lock
 */
@ConfigurationProperties("commerce.coupon.gate")
public record CouponGateProperties(@DefaultValue("10s") Duration claimTtl, @DefaultValue("24h") Duration idleTtl,
        @DefaultValue("5s") Duration rebuildWait, @DefaultValue("30s") Duration rebuildLease) {
}
