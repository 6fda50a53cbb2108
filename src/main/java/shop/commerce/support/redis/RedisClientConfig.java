package shop.commerce.support.redis;

import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis speeds things up and protects the database, but orders must keep working without it:
 * the client connects lazily (the service starts while Redis is down) and gives up fast, so a
 * Redis outage costs a request at most about a second before the caller's fallback applies.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

    @Bean
    RedissonAutoConfigurationCustomizer failFastRedisson() {
        return config -> {
            config.setLazyInitialization(true);
            // scripts (rate limits, the coupon gate, locks) go as EVALSHA: the digest, not the source
            config.setUseScriptCache(true);
            config.useSingleServer()
                    .setRetryAttempts(1)
                    .setRetryInterval(100)
                    .setTimeout(1_000)
                    .setConnectTimeout(1_000);
        };
    }
}
