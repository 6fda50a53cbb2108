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
 * @param liveStateStatements how many live stock statements product reads may run at once on this
 *        instance; reads that arrive while all run share the next one
 */
@ConfigurationProperties("commerce.catalog")
public record CatalogProperties(@DefaultValue("10m") Duration definitionCacheTtl,
        @DefaultValue("10000") long definitionCacheSize, @DefaultValue("5s") Duration resubscribeInterval,
        @DefaultValue("2") int liveStateStatements) {

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
        if (liveStateStatements < 1) {
            throw new IllegalArgumentException("commerce.catalog.live-state-statements must be at least 1");
        }
    }
}
