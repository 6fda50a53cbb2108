package shop.commerce.cart;

import java.util.List;

/**
 * What ordering needs from a cart: its lines. (Ordered lines leave the cart in the order's
 * payment statement.)
 */
public interface CartApi {

    /** The cart's lines, oldest first. */
    List<CartLine> lines(long userId);

    record CartLine(long productId, long optionId, long quantity) {
    }
}
