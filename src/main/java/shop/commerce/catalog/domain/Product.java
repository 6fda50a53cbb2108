package shop.commerce.catalog.domain;

import java.util.List;

/**
 * A product with its options and their stock as read at one moment; {@code version} is the
 * version of its definition (name, price, options) that the read saw.
 */
public record Product(long id, String name, long price, long version, List<ProductOption> options) {

    /** The sum of the options' available stock. */
    public long stock() {
        return options.stream().mapToLong(ProductOption::availableStock).sum();
    }
}
