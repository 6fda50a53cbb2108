package shop.commerce.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Product definitions for other capabilities: names, prices and options. {@link #products} reads
 * them from this instance's cache as they are, so a caller that charges a price must have it
 * confirmed by the database in the statement that charges it, and call {@link #evict} when it was
 * not. {@link #productsWithStock} is what a caller shows: current definitions and live stock.
 */
public interface CatalogApi {

    /** The products found among {@code productIds}, by id, each with all its options, as cached. */
    Map<Long, ProductView> products(Collection<Long> productIds);

    /**
     * The products found among {@code productIds}, in that order, with definitions confirmed
     * current and each option's available stock as it is now (one statement when all are cached).
     */
    Map<Long, ProductStock> productsWithStock(Collection<Long> productIds);

    /** Forgets the cached definitions of these products, so the next read loads them again. */
    void evict(Collection<Long> productIds);

    record ProductView(long id, String name, long price, List<OptionView> options) {

        public Optional<OptionView> option(long optionId) {
            return options.stream().filter(o -> o.id() == optionId).findFirst();
        }

        public long unitPrice(OptionView option) {
            return price + option.additionalPrice();
        }
    }

    record OptionView(long id, String name, long additionalPrice) {
    }

    /** A current definition with the available stock (total - reserved) of each of its options. */
    record ProductStock(ProductView product, Map<Long, Long> availableByOption) {

        public long available(long optionId) {
            return availableByOption.getOrDefault(optionId, 0L);
        }
    }
}
