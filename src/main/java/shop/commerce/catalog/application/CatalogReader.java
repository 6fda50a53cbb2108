package shop.commerce.catalog.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductRepository;

@Service
class CatalogReader implements CatalogApi {

    private final ProductRepository products;

    CatalogReader(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Map<Long, ProductView> products(Collection<Long> productIds) {
        Map<Long, ProductView> views = new LinkedHashMap<>();
        for (Product product : products.findAll(productIds)) {
            views.put(product.id(), new ProductView(product.id(), product.name(), product.price(),
                    product.options().stream()
                            .map(o -> new OptionView(o.id(), o.name(), o.additionalPrice(), o.availableStock()))
                            .toList()));
        }
        return views;
    }
}
