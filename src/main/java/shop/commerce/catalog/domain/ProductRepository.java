package shop.commerce.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public interface ProductRepository {

    /** Inserts the product, its options, their stock and its receipts; DuplicateKeyException on a name whose key is taken. */
    long create(NewProduct product, java.time.Instant now);

    Optional<Product> find(long productId);

    List<Product> findAll(Collection<Long> productIds);

    /** A page ordered by id; one query for the products and one for all their options. */
    List<Product> page(long offset, int limit);

    long count();

    boolean exists(long productId);

    /**
     * Adds to an option's total stock and records the receipt; false when the option is not one of
     * that product's.
     */
    boolean restock(long productId, long optionId, long quantity, java.time.Instant now);

    /**
     * The products' definition versions and the options' stock, in one statement of two
     * primary-key reads; products and options that do not exist are absent.
     */
    LiveState liveState(Collection<Long> productIds, Collection<Long> optionIds);

    /**
     * Takes the product row's lock and raises its definition version, ahead of a change of what
     * it shows in the same transaction; false when there is no such product.
     */
    boolean lockForChange(long productId);

    /**
     * Sets the product's name and price (after {@link #lockForChange}); DuplicateKeyException on a
     * name whose key is taken.
     */
    void rename(long productId, CatalogName name, long price);

    /**
     * Adds an option with its stock (and its receipt) unless the product already has {@code maxOptions} (after
     * {@link #lockForChange}, so concurrent additions count each other); empty when it has.
     * DuplicateKeyException on a name whose key the product's options already use.
     */
    OptionalLong addOption(long productId, NewProduct.NewOption option, int maxOptions, java.time.Instant now);

    /** Sets an option's name and additional price (after {@link #lockForChange}); false when it is not the product's. */
    boolean changeOption(long productId, long optionId, CatalogName name, long additionalPrice);
}
