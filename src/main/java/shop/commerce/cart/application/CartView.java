package shop.commerce.cart.application;

import java.util.List;

/** A cart priced and stocked as of now. */
public record CartView(long userId, List<Line> items, long totalAmount) {

    public record Line(long productId, long optionId, String productName, String optionName, long unitPrice,
            long quantity, long lineAmount, long availableStock) {
    }
}
