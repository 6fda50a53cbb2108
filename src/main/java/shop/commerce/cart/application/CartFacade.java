package shop.commerce.cart.application;

import java.util.List;

import org.springframework.stereotype.Service;

import shop.commerce.cart.CartApi;
import shop.commerce.cart.domain.CartRepository;

/** {@link CartApi}: the order capability reads a cart's lines. */
@Service
class CartFacade implements CartApi {

    private final CartRepository carts;

    CartFacade(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public List<CartLine> lines(long userId) {
        return carts.items(userId).stream()
                .map(item -> new CartLine(item.productId(), item.optionId(), item.quantity()))
                .toList();
    }

}
