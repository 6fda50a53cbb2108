package shop.commerce.catalog.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductRepository;

/**
 * Product definitions through this instance's {@link ProductDefinitionCache}: names and prices are
 * read far more often than they change, and every statement that charges a price confirms it
 * against the database, so an entry that is out of date is noticed and evicted, never charged.
 */
@Service
class CatalogReader implements CatalogApi {

    private final ProductRepository products;
    private final ProductDefinitionCache definitions;

    CatalogReader(ProductRepository products, ProductDefinitionCache definitions) {
        this.products = products;
        this.definitions = definitions;
    }

    @Override
    public Map<Long, ProductView> products(Collection<Long> productIds) {
        Map<Long, ProductView> found = definitions.getAll(productIds, this::load);
        Map<Long, ProductView> inRequestOrder = new LinkedHashMap<>();
        productIds.forEach(id -> {
            ProductView view = found.get(id);
            if (view != null) {
                inRequestOrder.put(id, view);
            }
        });
        return inRequestOrder;
    }

    @Override
    public void evict(Collection<Long> productIds) {
        definitions.evict(productIds);
    }

    private Map<Long, ProductView> load(Set<? extends Long> productIds) {
        Map<Long, ProductView> loaded = new LinkedHashMap<>();
        for (Product product : products.findAll(List.copyOf(productIds))) {
            loaded.put(product.id(), new ProductView(product.id(), product.name(), product.price(),
                    product.options().stream()
                            .map(o -> new OptionView(o.id(), o.name(), o.additionalPrice()))
                            .toList()));
        }
        return loaded;
    }
}
