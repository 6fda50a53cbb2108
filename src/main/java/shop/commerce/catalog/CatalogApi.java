package shop.commerce.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Product definitions for other capabilities: names, prices and options, without stock (live
 * stock is {@link StockApi}'s). They come from this instance's cache, so a caller that charges a
 * price must have it confirmed by the database in the statement that charges it, and call
 * {@link #evict} when it was not.
 */
public interface CatalogApi {

    /** The products found among {@code productIds}, by id, each with all its options. */
    Map<Long, ProductView> products(Collection<Long> productIds);

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
}
