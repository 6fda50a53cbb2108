package shop.commerce.catalog.api;

import java.util.List;

import shop.commerce.catalog.domain.Product;

record ProductResponse(long id, String name, long price, long stock, List<OptionResponse> options) {

    static ProductResponse from(Product product) {
        return new ProductResponse(product.id(), product.name(), product.price(), product.stock(),
                product.options().stream()
                        .map(o -> new OptionResponse(o.id(), o.name(), o.additionalPrice(), o.availableStock()))
                        .toList());
    }

    record OptionResponse(long id, String name, long additionalPrice, long stock) {
    }
}
