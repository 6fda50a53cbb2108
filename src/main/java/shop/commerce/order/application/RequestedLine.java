package shop.commerce.order.application;

/** A line as the client asked for it: the option may be left out for a one-option product. */
public record RequestedLine(long productId, Long optionId, long quantity) {
}
