package shop.commerce.catalog.domain;

import java.util.function.LongConsumer;

/**
 * Tells the other instances that a product's definition changed, so they drop their cached copy
 * at once. Best effort: an announcement can be lost (the broker is away), which is why every read
 * that shows a definition also confirms its version against the database.
 */
public interface ProductChanges {

    /** Announces, after the change committed, that this product's definition changed. */
    void announce(long productId);

    /**
     * Calls {@code onChanged} with each product another instance announced, and {@code onGap} each
     * time listening (re)starts, since announcements made while it was not listening are lost.
     */
    void listen(LongConsumer onChanged, Runnable onGap);
}
