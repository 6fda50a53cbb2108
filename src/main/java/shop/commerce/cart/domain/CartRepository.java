package shop.commerce.cart.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

public interface CartRepository {

    List<CartItem> items(long userId);

    /** Sets the line's quantity, adding the line if it is new. */
    void put(long userId, CartItem item, Instant now);

    void remove(long userId, Collection<Long> optionIds);
}
