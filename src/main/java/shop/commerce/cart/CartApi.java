package shop.commerce.cart;

import java.util.Collection;
import java.util.List;

/** What ordering needs from a cart: its lines, and taking ordered lines out. */
public interface CartApi {

    /** The cart's lines, oldest first. */
    List<CartLine> lines(long userId);

    /** Removes the lines of these options from the user's cart (those that are there). */
    void remove(long userId, Collection<Long> optionIds);

    record CartLine(long productId, long optionId, long quantity) {
    }
}
