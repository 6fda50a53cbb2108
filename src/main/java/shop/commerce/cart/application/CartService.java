package shop.commerce.cart.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import shop.commerce.cart.domain.CartItem;
import shop.commerce.cart.domain.CartRepository;
import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.CatalogApi.OptionView;
import shop.commerce.catalog.CatalogApi.ProductStock;
import shop.commerce.catalog.CatalogApi.ProductView;
import shop.commerce.catalog.CatalogErrorCode;

@Service
/** The user's cart as the HTTP API shows and edits it. */
public class CartService {

    private final CartRepository carts;
    private final CatalogApi catalog;
    private final Clock clock;

    CartService(CartRepository carts, CatalogApi catalog, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The cart with today's names and prices and live stock; lines of removed products are left out. */
    public CartView view(long userId) {
        List<CartItem> items = carts.items(userId);
        Map<Long, ProductStock> products = catalog.productsWithStock(
                items.stream().map(CartItem::productId).distinct().toList());
        List<CartView.Line> lines = new ArrayList<>();
        for (CartItem item : items) {
            ProductStock found = products.get(item.productId());
            if (found == null) {
                continue;
            }
            ProductView product = found.product();
            product.option(item.optionId()).ifPresent(option -> lines.add(new CartView.Line(product.id(),
                    option.id(), product.name(), option.name(), product.unitPrice(option), item.quantity(),
                    product.unitPrice(option) * item.quantity(), found.available(option.id()))));
        }
        return new CartView(userId, lines, lines.stream().mapToLong(CartView.Line::lineAmount).sum());
    }

    /** Sets a line's quantity; it may not exceed the option's available stock. */
    public CartView put(long userId, long productId, long optionId, long quantity) {
        ProductStock product = catalog.productsWithStock(List.of(productId)).get(productId);
        if (product == null) {
            throw CatalogErrorCode.productNotFound(productId);
        }
        OptionView option = product.product().option(optionId)
                .orElseThrow(() -> CatalogErrorCode.optionNotFound(optionId));
        if (quantity > product.available(option.id())) {
            throw CatalogErrorCode.outOfStock(List.of(optionId));
        }
        carts.put(userId, new CartItem(productId, optionId, quantity), clock.instant());
        return view(userId);
    }

    public void delete(long userId, long optionId) {
        carts.remove(userId, List.of(optionId));
    }
}
