package shop.commerce.cart.domain;

public record CartItem(long productId, long optionId, long quantity) {
}
