package shop.commerce.catalog.application;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import shop.commerce.catalog.CatalogApi.ProductView;
import shop.commerce.catalog.domain.ProductChanges;

/**
 * This instance's cache of product definitions (names, prices, options; never stock), kept by
 * Caffeine: bounded, expiring after {@code commerce.catalog.definition-cache-ttl}. Each entry
 * carries the definition version it was read at. Products that do not exist are not cached.
 * Entries are dropped when this instance changes a product, when another instance announces a
 * change ({@link ProductChanges}), when a read finds the database at a newer version, and when a
 * statement refuses a price from it. Hits, misses ({@code cache_gets_total}) and invalidations by
 * reason ({@code commerce_cache_invalidations_total}) are on {@code /actuator/prometheus}.
 */
@Component
public class ProductDefinitionCache {

    static final String NAME = "product-definitions";

    /** Why entries were dropped, the {@code reason} tag of the invalidation counter. */
    enum Invalidation {
        /** this instance changed the product */
        CHANGED,
        /** another instance announced a change */
        ANNOUNCED,
        /** a read found a newer version in the database */
        STALE,
        /** a statement refused a name or price taken from the entry */
        REFUSED,
        /** announcements may have been missed (listening started again): everything */
        RESUBSCRIBED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A definition as read at {@code version}. */
    record Definition(long version, ProductView view) {
    }

    private final Cache<Long, Definition> definitions;
    private final Map<Invalidation, Counter> invalidations = new EnumMap<>(Invalidation.class);

    ProductDefinitionCache(CatalogProperties properties, MeterRegistry registry, ProductChanges changes) {
        this.definitions = Caffeine.newBuilder()
                .maximumSize(properties.definitionCacheSize())
                .expireAfterWrite(properties.definitionCacheTtl())
                .recordStats()
                .build();
        // cache_gets_total{cache="product-definitions",result="hit|miss"}, cache_evictions_total, ...
        CaffeineCacheMetrics.monitor(registry, definitions, NAME);
        for (Invalidation reason : Invalidation.values()) {
            invalidations.put(reason, Counter.builder("commerce.cache.invalidations")
                    .description("Cache entries dropped before they expired, by reason")
                    .tag("cache", NAME).tag("reason", reason.tag())
                    .register(registry));
        }
        changes.listen(productId -> invalidate(List.of(productId), Invalidation.ANNOUNCED),
                () -> clear(Invalidation.RESUBSCRIBED));
    }

    Map<Long, Definition> getAll(Collection<Long> productIds,
            Function<Set<? extends Long>, Map<Long, Definition>> load) {
        return definitions.getAll(productIds, load);
    }

    void put(Definition definition) {
        definitions.put(definition.view().id(), definition);
    }

    void invalidate(Collection<Long> productIds, Invalidation reason) {
        definitions.invalidateAll(productIds);
        invalidations.get(reason).increment(productIds.size());
    }

    private void clear(Invalidation reason) {
        invalidations.get(reason).increment(definitions.estimatedSize());
        definitions.invalidateAll();
    }

    /** Forgets every entry (after the database was restored or reset underneath). */
    public void clear() {
        definitions.invalidateAll();
    }
}
