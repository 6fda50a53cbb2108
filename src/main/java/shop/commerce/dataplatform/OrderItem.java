package shop.commerce.dataplatform;

/** One line of a paid order, as carried by the order events. */
public record OrderItem(long productId, long optionId, long quantity, long unitPrice) {
}
