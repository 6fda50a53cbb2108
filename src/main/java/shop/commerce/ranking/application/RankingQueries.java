package shop.commerce.ranking.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.catalog.CatalogApi;
import shop.commerce.ranking.domain.ProductSales;
import shop.commerce.ranking.domain.SalesRepository;
import shop.commerce.support.time.ZoneProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The best-selling products of today and the days before it, from the daily statistics, cached
 * in Redis for a few seconds (shared by all instances; computed directly when Redis is away).
 * Hits and misses are {@code cache_gets_total{cache="top-products"}}, like the product cache's.
 */
@Service
public class RankingQueries {

    private static final Logger log = LoggerFactory.getLogger(RankingQueries.class);
    private static final TypeReference<List<RankedProduct>> RANKING = new TypeReference<>() {
    };

    private final SalesRepository sales;
    private final CatalogApi catalog;
    private final RedissonClient redisson;
    private final JsonMapper jsonMapper;
    private final RankingProperties properties;
    private final ZoneProperties zone;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    RankingQueries(SalesRepository sales, CatalogApi catalog, RedissonClient redisson, JsonMapper jsonMapper,
            RankingProperties properties, ZoneProperties zone, Clock clock, MeterRegistry registry) {
        this.sales = sales;
        this.catalog = catalog;
        this.redisson = redisson;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
        this.zone = zone;
        this.clock = clock;
        this.hits = cacheGets(registry, "hit");
        this.misses = cacheGets(registry, "miss");
    }

    private static Counter cacheGets(MeterRegistry registry, String result) {
        return Counter.builder("cache.gets").description("Ranking reads answered from the Redis cache or not")
                .tag("cache", "top-products").tag("result", result).register(registry);
    }

    public List<RankedProduct> top(int days, int limit) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.zone());
        RBucket<String> cached = redisson.getBucket("ranking:top:" + today + ":" + days + ":" + limit,
                StringCodec.INSTANCE);
        try {
            String json = cached.get();
            if (json != null) {
                hits.increment();
                return jsonMapper.readValue(json, RANKING);
            }
            misses.increment();
        } catch (RedisException unavailable) {
            misses.increment();
            log.debug("Ranking cache unavailable: {}", unavailable.toString());
            return compute(today, days, limit);
        }
        List<RankedProduct> ranking = compute(today, days, limit);
        try {
            cached.set(jsonMapper.writeValueAsString(ranking), properties.cacheTtl());
        } catch (RedisException unavailable) {
            log.debug("Ranking not cached: {}", unavailable.toString());
        }
        return ranking;
    }

    private List<RankedProduct> compute(LocalDate today, int days, int limit) {
        List<ProductSales> best = sales.top(today.minusDays(days - 1L), today, limit);
        Map<Long, CatalogApi.ProductView> products = catalog.products(best.stream().map(ProductSales::productId).toList());
        List<RankedProduct> ranking = new ArrayList<>();
        for (ProductSales product : best) {
            CatalogApi.ProductView view = products.get(product.productId());
            ranking.add(new RankedProduct(ranking.size() + 1, product.productId(), view == null ? null : view.name(),
                    product.quantitySold(), product.revenue()));
        }
        return ranking;
    }
}
