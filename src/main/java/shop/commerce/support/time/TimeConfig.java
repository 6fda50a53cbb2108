package shop.commerce.support.time;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of "now": every rule that depends on time reads this clock. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // microsecond ticks: what PostgreSQL stores is exactly what a response said
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
