package shop.commerce.catalog.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.support.web.EventStreamProperties;
import shop.commerce.support.web.LiveEventStreams;

/**
 * The open {@code /api/v1/products/{productId}/events} streams of this instance: each poll reads the
 * live stock of every watched product in one statement and sends a {@code product} event to the
 * streams whose product changed.
 */
@Component
class ProductStockStreams extends LiveEventStreams<Long, ProductResponse> {

    ProductStockStreams(ProductCatalogService catalog, EventStreamProperties properties) {
        super("product", productIds -> {
            Map<Long, ProductResponse> products = new LinkedHashMap<>();
            catalog.getAll(productIds).forEach((id, product) -> products.put(id, ProductResponse.from(product)));
            return products;
        }, properties);
    }
}
