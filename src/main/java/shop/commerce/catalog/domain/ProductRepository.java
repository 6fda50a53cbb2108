package shop.commerce.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ProductRepository {

    /** Inserts the product, its options and their stock; DuplicateKeyException on a taken name. */
    long create(NewProduct product, java.time.Instant now);

    Optional<Product> find(long productId);

    List<Product> findAll(Collection<Long> productIds);

    /** A page ordered by id; one query for the products and one for all their options. */
    List<Product> page(long offset, int limit);

    long count();

    boolean exists(long productId);

    /** Adds to an option's total stock; false when the option is not one of that product's. */
    boolean restock(long productId, long optionId, long quantity);
}
