package shop.commerce.ranking.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.ranking.*}: a payment shows in the ranking within {@code maxStaleness}; sales are
 * folded into the daily statistics every {@code aggregationInterval} and answers are cached for
 * {@code cacheTtl}, which together stay under it.
 */
@ConfigurationProperties("commerce.ranking")
public record RankingProperties(@DefaultValue("60s") Duration maxStaleness,
        @DefaultValue("10s") Duration aggregationInterval, @DefaultValue("10s") Duration cacheTtl) {

    public RankingProperties {
        if (aggregationInterval.plus(cacheTtl).compareTo(maxStaleness) > 0) {
            throw new IllegalArgumentException("commerce.ranking.aggregation-interval + cache-ttl ("
                    + aggregationInterval.plus(cacheTtl) + ") must not exceed max-staleness (" + maxStaleness + ")");
        }
    }
}
