package shop.commerce.catalog.infrastructure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import shop.commerce.support.metrics.CachedReading;

/**
 * {@code commerce_stock_sold_out_options}: options with no available stock (total - reserved = 0). A scan of
 * the narrow stock table, read at most every few seconds; an index on the stock columns would cost
 * every order its HOT updates, so there is none.
 */
@Component
class StockMetrics implements MeterBinder {

    private final CachedReading<Long> soldOut;

    StockMetrics(JdbcClient jdbc) {
        this.soldOut = new CachedReading<>("sold-out options",
                () -> jdbc.sql("select count(*) from option_stock where total - reserved <= 0").query(Long.class)
                        .single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("commerce.stock.sold.out.options", soldOut, soldOut.gauge(Long::doubleValue))
                .description("Options with no available stock")
                .register(registry);
    }
}
