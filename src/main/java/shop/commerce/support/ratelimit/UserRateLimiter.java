package shop.commerce.support.ratelimit;

import java.util.List;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;

/**
 * Per-user token buckets in Redis (one Lua script, Redis's own clock), so the limit holds across
 * instances. When Redis cannot be reached the limit is not applied: it protects the service, and
 * must never be the reason an order fails.
 */
@Component
public class UserRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UserRateLimiter.class);

    private final RedissonClient redisson;
    private final RateLimitProperties properties;
    private final String script;

    UserRateLimiter(RedissonClient redisson, RateLimitProperties properties) throws java.io.IOException {
        this.redisson = redisson;
        this.properties = properties;
        this.script = StreamUtils.copyToString(new ClassPathResource("redis/token-bucket.lua").getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Takes a token for the user, or refuses with 429 {@code RATE_LIMITED} and a {@code Retry-After}. */
    public void acquire(RateLimitedOperation operation, long userId) {
        if (!properties.enabled()) {
            return;
        }
        RateLimitProperties.Bucket bucket = properties.bucketOf(operation);
        List<Long> answer;
        try {
            answer = redisson.getScript(LongCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                    RScript.ReturnType.LIST, List.of("rate:" + operation.name().toLowerCase() + ":" + userId),
                    bucket.perSecond(), bucket.burst());
        } catch (RedisException unreachable) {
            log.warn("Rate limit not applied, Redis unavailable: {}", unreachable.toString());
            return;
        }
        if (answer.get(0) == 0L) {
            long retryAfterSeconds = Math.max(1, (answer.get(1) + 999) / 1000);
            throw new BusinessException(CommonErrorCode.RATE_LIMITED, "Too many requests; retry after "
                    + retryAfterSeconds + " s", java.util.Map.of("retryAfterSeconds", retryAfterSeconds));
        }
    }
}
