package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.catalog.StockApi.OptionQuantity;
import shop.commerce.catalog.domain.Product;
import shop.commerce.testing.ConcurrentCalls;

/** Stock movements raced through {@link StockApi} against the catalogue alone, asserted from the stock rows. */
@ApplicationModuleTest(extraIncludes = "support")
class StockConcurrencyTest extends CatalogSliceSupport {

    @Autowired
    StockApi stockApi;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aHundredThreadsReservingTheLastUnitsNeverOversell() throws Exception {
        long option = option(product("Limited Sneaker", 99000, 10), 0);
        AtomicInteger reserved = new AtomicInteger();

        List<Throwable> failures = ConcurrentCalls.failures(ConcurrentCalls.race(100, i -> {
            List<Long> shortOptions = transactions.execute(s -> stockApi.reserve(List.of(new OptionQuantity(option, 1))));
            if (shortOptions.isEmpty()) {
                reserved.incrementAndGet();
            }
            return shortOptions;
        }));

        assertThat(failures).isEmpty();
        assertThat(reserved).hasValue(10);
        assertThat(stock(option)).containsExactly(10L, 10L);
    }

    @Test
    void movementsTouchingTheSameOptionsInOppositeOrdersNeverDeadlock() throws Exception {
        Product shirt = product("Linen Shirt", 39000, 1000, 1000);
        long black = option(shirt, 0);
        long white = option(shirt, 1);

        List<Throwable> failures = ConcurrentCalls.failures(ConcurrentCalls.race(100, i -> transactions.execute(s -> {
            List<OptionQuantity> lines = i % 2 == 0
                    ? List.of(new OptionQuantity(black, 1), new OptionQuantity(white, 1))
                    : List.of(new OptionQuantity(white, 1), new OptionQuantity(black, 1));
            assertThat(stockApi.reserve(lines)).isEmpty();
            stockApi.release(lines.subList(0, 1));
            return lines;
        })));

        assertThat(failures).isEmpty();
        assertThat(stock(black)).containsExactly(1000L, 50L);
        assertThat(stock(white)).containsExactly(1000L, 50L);
    }
}
