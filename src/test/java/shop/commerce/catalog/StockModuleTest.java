package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.catalog.StockApi.OptionQuantity;
import shop.commerce.catalog.domain.Product;

/** Stock movements through {@link StockApi}, each in the caller's transaction, and live stock reads. */
@ApplicationModuleTest(extraIncludes = "support")
class StockModuleTest extends CatalogSliceSupport {

    @Autowired
    StockApi stockApi;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void stockReadsAreLiveAfterReservationsReleasesAndPutBacks() {
        Product shirt = product("Linen Shirt", 39000, 10, 5);
        long black = option(shirt, 0);
        long white = option(shirt, 1);
        long productId = shirt.id();

        transactions.executeWithoutResult(s -> assertThat(
                stockApi.reserve(List.of(new OptionQuantity(black, 4), new OptionQuantity(white, 5)))).isEmpty());
        assertThat(availableStock(productId)).containsExactly(6L, 0L);

        transactions.executeWithoutResult(s -> stockApi.release(List.of(new OptionQuantity(white, 5))));
        assertThat(availableStock(productId)).containsExactly(6L, 5L);
        assertThat(stock(black)).containsExactly(10L, 4L);
        assertThat(stock(white)).containsExactly(5L, 0L);

        transactions.executeWithoutResult(s -> stockApi.putBack(List.of(new OptionQuantity(black, 4))));
        assertThat(stock(black)).containsExactly(14L, 4L);
    }

    @Test
    void aShortOptionIsNamedAndTheCallerRollsEverythingBack() {
        Product shirt = product("Linen Shirt", 39000, 10, 1);
        long black = option(shirt, 0);
        long white = option(shirt, 1);

        List<Long> shortOptions = transactions.execute(s -> {
            List<Long> result = stockApi.reserve(List.of(new OptionQuantity(white, 2), new OptionQuantity(black, 3)));
            s.setRollbackOnly();
            return result;
        });

        assertThat(shortOptions).containsExactly(white);
        assertThat(stock(black)).containsExactly(10L, 0L);
        assertThat(stock(white)).containsExactly(1L, 0L);
    }

    @Test
    void mergesRepeatedOptionsInOneMovement() {
        long black = option(product("Linen Shirt", 39000, 10, 1), 0);
        List<Long> tooMany = transactions.execute(
                s -> stockApi.reserve(List.of(new OptionQuantity(black, 6), new OptionQuantity(black, 5))));
        List<Long> exactly = transactions.execute(
                s -> stockApi.reserve(List.of(new OptionQuantity(black, 6), new OptionQuantity(black, 4))));
        assertThat(tooMany).containsExactly(black);
        assertThat(exactly).isEmpty();
        assertThat(stock(black)).containsExactly(10L, 10L);
    }

    @Test
    void movingStockOutsideATransactionIsRefused() {
        long black = option(product("Linen Shirt", 39000, 10), 0);
        assertThatThrownBy(() -> stockApi.reserve(List.of(new OptionQuantity(black, 1))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(stock(black)).containsExactly(10L, 0L);
    }

    private List<Long> availableStock(long productId) {
        return catalog.get(productId).options().stream()
                .map(option -> option.totalStock() - option.reservedStock()).toList();
    }
}
