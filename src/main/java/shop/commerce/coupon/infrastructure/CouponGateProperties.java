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
 * @param rebuildWait how long a request waits for the gate to be rebuilt (by itself or another
 *        request or instance) before answering 503
 * @param rebuildLease the longest a rebuild may hold the gate's lock
 * @param redisTimeout how long the gate waits for Redis to answer one command
 * @param redisRetryAttempts how many times a command Redis did not take or answer is sent again;
 *        a flood is exactly when the gate must not give up on the first slow answer, and a claim
 *        sent twice is still one claim
 * @param redisRetryInterval the pause between those attempts
 */
@ConfigurationProperties("commerce.coupon.gate")
public record CouponGateProperties(@DefaultValue("10s") Duration claimTtl, @DefaultValue("24h") Duration idleTtl,
        @DefaultValue("5s") Duration rebuildWait, @DefaultValue("30s") Duration rebuildLease,
        @DefaultValue("2s") Duration redisTimeout, @DefaultValue("3") int redisRetryAttempts,
        @DefaultValue("200ms") Duration redisRetryInterval) {
}
