package shop.commerce.support.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

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
 * instances. Concurrent requests share script calls ({@link CoalescedBucketChecks}). When Redis
 * cannot be reached the limit is not applied: it protects the service, and must never be the
 * reason an order fails.
 */
@Component
public class UserRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UserRateLimiter.class);

    private final RateLimitProperties properties;
    private final CoalescedBucketChecks checks;

    UserRateLimiter(RedissonClient redisson, RateLimitProperties properties) throws IOException {
        this.properties = properties;
        String script = StreamUtils.copyToString(new ClassPathResource("redis/token-buckets.lua").getInputStream(),
                StandardCharsets.UTF_8);
        RScript scripts = redisson.getScript(LongCodec.INSTANCE);
        this.checks = new CoalescedBucketChecks(batch -> takeTokens(scripts, script, batch));
    }

    /** Takes a token for the user, or refuses with 429 {@code RATE_LIMITED} and a {@code Retry-After}. */
    public void acquire(RateLimitedOperation operation, long userId) {
        if (!properties.enabled()) {
            return;
        }
        RateLimitProperties.Bucket bucket = properties.bucketOf(operation);
        CoalescedBucketChecks.Answer answer;
        try {
            answer = checks.take(new CoalescedBucketChecks.Check(
                    "rate:" + operation.name().toLowerCase() + ":" + userId, bucket.perSecond(), bucket.burst()))
                    .join();
        } catch (CompletionException failed) {
            if (!(failed.getCause() instanceof RedisException unreachable)) {
                throw failed;
            }
            log.warn("Rate limit not applied, Redis unavailable: {}", unreachable.toString());
            return;
        }
        if (!answer.allowed()) {
            long retryAfterSeconds = Math.max(1, (answer.waitMillis() + 999) / 1000);
            throw new BusinessException(CommonErrorCode.RATE_LIMITED, "Too many requests; retry after "
                    + retryAfterSeconds + " s", Map.of("retryAfterSeconds", retryAfterSeconds));
        }
    }

    private static CompletionStage<List<CoalescedBucketChecks.Answer>> takeTokens(RScript scripts, String script,
            List<CoalescedBucketChecks.Check> batch) {
        List<Object> keys = new ArrayList<>(batch.size());
        Object[] arguments = new Object[2 * batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            keys.add(batch.get(i).key());
            arguments[2 * i] = batch.get(i).perSecond();
            arguments[2 * i + 1] = batch.get(i).burst();
        }
        CompletionStage<List<Long>> call = scripts.evalAsync(RScript.Mode.READ_WRITE, script,
                RScript.ReturnType.LIST, keys, arguments);
        return call.thenApply(flat -> {
            List<CoalescedBucketChecks.Answer> answers = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                answers.add(new CoalescedBucketChecks.Answer(flat.get(2 * i) == 1L, flat.get(2 * i + 1)));
            }
            return answers;
        });
    }
}
