package shop.commerce.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.testing.EmbeddedInfrastructure;
import shop.commerce.testing.IntegrationTestSupport;

class UserRateLimiterIntegrationTest extends IntegrationTestSupport {

    @Autowired
    UserRateLimiter limiter;

    @Test
    void allowsABurstOfAHundredThenRefuses() {
        List<Boolean> allowed = new ArrayList<>();
        BusinessException refusal = null;
        for (int i = 0; i < 140; i++) {
            try {
                limiter.acquire(RateLimitedOperation.ORDERS, 1);
                allowed.add(true);
            } catch (BusinessException e) {
                allowed.add(false);
                refusal = e;
            }
        }
        assertThat(allowed.subList(0, 100)).containsOnly(true);
        assertThat(allowed).contains(false);
        assertThat(refusal.errorCode()).isEqualTo(CommonErrorCode.RATE_LIMITED);
        assertThat(refusal.properties()).containsKey("retryAfterSeconds");
    }

    @Test
    void keepsSeparateBucketsPerUserAndOperation() {
        for (int i = 0; i < 100; i++) {
            limiter.acquire(RateLimitedOperation.ORDERS, 1);
        }
        assertThatCode(() -> limiter.acquire(RateLimitedOperation.ORDERS, 2)).doesNotThrowAnyException();
        assertThatCode(() -> limiter.acquire(RateLimitedOperation.COUPON_ISSUES, 1)).doesNotThrowAnyException();
    }

    @Test
    void failsOpenWhenRedisIsUnreachable() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start();
        infrastructure.stopRedis();
        try {
            for (int i = 0; i < 3; i++) {
                assertThatCode(() -> limiter.acquire(RateLimitedOperation.ORDERS, 1)).doesNotThrowAnyException();
            }
        } finally {
            infrastructure.startRedis();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> redisson.getKeys().count() >= 0);
        }
    }
}
