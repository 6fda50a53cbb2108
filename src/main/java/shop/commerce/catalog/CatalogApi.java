package shop.commerce.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to products for other capabilities: names, prices, and stock as it is now. */
public interface CatalogApi {

    /** The products found among {@code productIds}, by id, each with all its options. */
    Map<Long, ProductView> products(Collection<Long> productIds);

    record ProductView(long id, String name, long price, List<OptionView> options) {

        public Optional<OptionView> option(long optionId) {
            return options.stream().filter(o -> o.id() == optionId).findFirst();
        }

        public long unitPrice(OptionView option) {
            return price + option.additionalPrice();
        }

        public long stock() {
            return options.stream().mapToLong(OptionView::availableStock).sum();
        }
    }

    record OptionView(long id, String name, long additionalPrice, long availableStock) {
    }
}
