package shop.commerce.cart.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import shop.commerce.cart.CartApi;
import shop.commerce.cart.domain.CartItem;
import shop.commerce.cart.domain.CartRepository;
import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.CatalogApi.OptionView;
import shop.commerce.catalog.CatalogApi.ProductView;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.StockApi;

@Service
public class CartService implements CartApi {

    private final CartRepository carts;
    private final CatalogApi catalog;
    private final StockApi stock;
    private final Clock clock;

    CartService(CartRepository carts, CatalogApi catalog, StockApi stock, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.stock = stock;
        this.clock = clock;
    }

    /** The cart with today's names and prices and live stock; lines of removed products are left out. */
    public CartView view(long userId) {
        List<CartItem> items = carts.items(userId);
        Map<Long, ProductView> products = catalog.products(items.stream().map(CartItem::productId).distinct().toList());
        Map<Long, Long> available = stock.available(items.stream().map(CartItem::optionId).toList());
        List<CartView.Line> lines = new ArrayList<>();
        for (CartItem item : items) {
            ProductView product = products.get(item.productId());
            if (product == null) {
                continue;
            }
            product.option(item.optionId()).ifPresent(option -> lines.add(new CartView.Line(product.id(),
                    option.id(), product.name(), option.name(), product.unitPrice(option), item.quantity(),
                    product.unitPrice(option) * item.quantity(), available.getOrDefault(option.id(), 0L))));
        }
        return new CartView(userId, lines, lines.stream().mapToLong(CartView.Line::lineAmount).sum());
    }

    /** Sets a line's quantity; it may not exceed the option's available stock. */
    public CartView put(long userId, long productId, long optionId, long quantity) {
        ProductView product = catalog.products(List.of(productId)).get(productId);
        if (product == null) {
            throw CatalogErrorCode.productNotFound(productId);
        }
        OptionView option = product.option(optionId).orElseThrow(() -> CatalogErrorCode.optionNotFound(optionId));
        if (quantity > stock.available(List.of(optionId)).getOrDefault(optionId, 0L)) {
            throw CatalogErrorCode.outOfStock(List.of(optionId));
        }
        carts.put(userId, new CartItem(productId, optionId, quantity), clock.instant());
        return view(userId);
    }

    public void delete(long userId, long optionId) {
        carts.remove(userId, List.of(optionId));
    }

    @Override
    public List<CartLine> lines(long userId) {
        return carts.items(userId).stream()
                .map(item -> new CartLine(item.productId(), item.optionId(), item.quantity()))
                .toList();
    }

    @Override
    public void remove(long userId, Collection<Long> optionIds) {
        carts.remove(userId, optionIds);
    }
}
