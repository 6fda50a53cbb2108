package shop.commerce.catalog.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.catalog.*}.
 *
 * @param definitionCacheTtl how long this instance keeps a product's name, prices and options
 *        before reading them again (stock is never cached)
 * @param definitionCacheSize how many products it keeps at most
 * @param resubscribeInterval how often an instance tries again to listen for other instances'
 *        product changes while Redis is unreachable
 */
@ConfigurationProperties("commerce.catalog")
public record CatalogProperties(@DefaultValue("10m") Duration definitionCacheTtl,
        @DefaultValue("10000") long definitionCacheSize, @DefaultValue("5s") Duration resubscribeInterval) {

    public CatalogProperties {
        if (definitionCacheTtl.isNegative() || definitionCacheTtl.isZero()) {
            throw new IllegalArgumentException("commerce.catalog.definition-cache-ttl must be positive");
        }
        if (resubscribeInterval.isNegative() || resubscribeInterval.isZero()) {
            throw new IllegalArgumentException("commerce.catalog.resubscribe-interval must be positive");
        }
        if (definitionCacheSize < 1) {
            throw new IllegalArgumentException("commerce.catalog.definition-cache-size must be at least 1");
        }
    }
}
