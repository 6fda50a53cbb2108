package shop.commerce.catalog.application;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import shop.commerce.catalog.CatalogApi.ProductView;

/**
 * This instance's cache of product definitions (names, prices, options; never stock), kept by
 * Caffeine: bounded, expiring after {@code commerce.catalog.definition-cache-ttl}. Products that
 * do not exist are not cached.
 */
@Component
public class ProductDefinitionCache {

    private final Cache<Long, ProductView> definitions;

    ProductDefinitionCache(CatalogProperties properties) {
        this.definitions = Caffeine.newBuilder()
                .maximumSize(properties.definitionCacheSize())
                .expireAfterWrite(properties.definitionCacheTtl())
                .build();
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
