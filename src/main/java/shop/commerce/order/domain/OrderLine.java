package shop.commerce.order.domain;

/** One option of an order, priced when the order was placed. */
public record OrderLine(long productId, long optionId, String productName, String optionName, long unitPrice,
        long quantity) {

    public long lineAmount() {
        return unitPrice * quantity;
    }
}
