package shop.commerce.catalog.application;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import shop.commerce.catalog.CatalogApi.ProductView;

/**
 * This instance's cache of product definitions (names, prices, options; never stock), kept by
 * Caffeine: bounded, expiring after {@code commerce.catalog.definition-cache-ttl}. Products that
 * do not exist are not cached. Hits, misses and evictions are on {@code /actuator/prometheus}.
 */
@Component
public class ProductDefinitionCache {

    private final Cache<Long, ProductView> definitions;

    ProductDefinitionCache(CatalogProperties properties, MeterRegistry registry) {
        this.definitions = Caffeine.newBuilder()
                .maximumSize(properties.definitionCacheSize())
                .expireAfterWrite(properties.definitionCacheTtl())
                .recordStats()
                .build();
        // cache_gets_total{cache="product-definitions",result="hit|miss"}, cache_evictions_total, ...
        CaffeineCacheMetrics.monitor(registry, definitions, "product-definitions");
    }

    Map<Long, ProductView> getAll(Collection<Long> productIds,
            Function<Set<? extends Long>, Map<Long, ProductView>> load) {
        return definitions.getAll(productIds, load);
    }

    void evict(Collection<Long> productIds) {
        definitions.invalidateAll(productIds);
    }

    /** Forgets every entry (after the database was restored or reset underneath). */
    public void clear() {
        definitions.invalidateAll();
    }
}
