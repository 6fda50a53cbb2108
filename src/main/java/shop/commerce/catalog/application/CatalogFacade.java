package shop.commerce.catalog.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.application.ProductDefinitionCache.Definition;
import shop.commerce.catalog.application.ProductDefinitionCache.Invalidation;
import shop.commerce.catalog.domain.LiveState;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductOption;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.catalog.domain.StockLevel;

/**
 * Product definitions through this instance's {@link ProductDefinitionCache}: names and prices are
 * read far more often than they change. Two kinds of reads:
 * <ul>
 * <li>{@link #products}: the cached definitions as they are, for pricing an order; the statement
 * that charges a price confirms it against the database, and the caller evicts what it refused;
 * <li>{@link #current} and {@link #productsWithStock}: the definitions with their options' live
 * stock, from one statement that also reads each product's definition version, so a definition
 * that changed is never shown: it is dropped and read again.
 * </ul>
 */
@Service
class CatalogFacade implements CatalogApi {

    private final ProductRepository products;
    private final ProductDefinitionCache definitions;
    private final CoalescingLiveStateReader liveStates;

    CatalogFacade(ProductRepository products, ProductDefinitionCache definitions,
            CoalescingLiveStateReader liveStates) {
        this.products = products;
        this.definitions = definitions;
        this.liveStates = liveStates;
    }

    @Override
    public Map<Long, ProductView> products(Collection<Long> productIds) {
        Map<Long, Definition> found = definitions.getAll(productIds, this::load);
        Map<Long, ProductView> inRequestOrder = new LinkedHashMap<>();
        productIds.forEach(id -> {
            Definition definition = found.get(id);
            if (definition != null) {
                inRequestOrder.put(id, definition.view());
            }
        });
        return inRequestOrder;
    }

    @Override
    public void evict(Collection<Long> productIds) {
        definitions.invalidate(productIds, Invalidation.REFUSED);
    }

    @Override
    public Map<Long, ProductStock> productsWithStock(Collection<Long> productIds) {
        Map<Long, ProductStock> withStock = new LinkedHashMap<>();
        current(productIds).forEach((id, product) -> {
            Map<Long, Long> available = new HashMap<>();
            product.options().forEach(o -> available.put(o.id(), o.availableStock()));
            withStock.put(id, new ProductStock(view(product), available));
        });
        return withStock;
    }

    /**
     * The products found, in request order, with their definitions at the database's current
     * version and their options' stock as it is now: one statement when every definition is
     * cached and current; a definition that is not is read again, whole, with its stock.
     */
    Map<Long, Product> current(Collection<Long> productIds) {
        Map<Long, Product> readWhole = new HashMap<>();
        Map<Long, Definition> cached = definitions.getAll(productIds, missing -> {
            Map<Long, Definition> loaded = new LinkedHashMap<>();
            for (Product product : products.findAll(List.copyOf(missing))) {
                readWhole.put(product.id(), product);
                loaded.put(product.id(), definition(product));
            }
            return loaded;
        });
        List<Definition> toConfirm = cached.values().stream().filter(d -> !readWhole.containsKey(d.view().id()))
                .toList();
        if (!toConfirm.isEmpty()) {
            LiveState live = liveStates.read(toConfirm.stream().map(d -> d.view().id()).toList(),
                    toConfirm.stream().flatMap(d -> d.view().options().stream()).map(OptionView::id).toList());
            List<Long> stale = new ArrayList<>();
            for (Definition definition : toConfirm) {
                Product product = confirmed(definition, live);
                if (product == null) {
                    stale.add(definition.view().id());
                } else {
                    readWhole.put(product.id(), product);
                }
            }
            if (!stale.isEmpty()) {
                definitions.invalidate(stale, Invalidation.STALE);
                for (Product product : products.findAll(stale)) {
                    definitions.put(definition(product));
                    readWhole.put(product.id(), product);
                }
            }
        }
        Map<Long, Product> inRequestOrder = new LinkedHashMap<>();
        productIds.forEach(id -> {
            Product product = readWhole.get(id);
            if (product != null) {
                inRequestOrder.put(id, product);
            }
        });
        return inRequestOrder;
    }

    /** The cached definition with its live stock, or null when the database holds another version. */
    private static Product confirmed(Definition definition, LiveState live) {
        ProductView view = definition.view();
        Long version = live.versionByProduct().get(view.id());
        if (version == null || version != definition.version()) {
            return null;
        }
        List<ProductOption> options = new ArrayList<>();
        for (OptionView option : view.options()) {
            StockLevel level = live.levelByOption().get(option.id());
            if (level == null) {
                return null;
            }
            options.add(new ProductOption(option.id(), option.name(), option.additionalPrice(), level.total(),
                    level.reserved()));
        }
        return new Product(view.id(), view.name(), view.price(), definition.version(), options);
    }

    private Map<Long, Definition> load(Set<? extends Long> productIds) {
        Map<Long, Definition> loaded = new LinkedHashMap<>();
        for (Product product : products.findAll(List.copyOf(productIds))) {
            loaded.put(product.id(), definition(product));
        }
        return loaded;
    }

    private static Definition definition(Product product) {
        return new Definition(product.version(), view(product));
    }

    private static ProductView view(Product product) {
        return new ProductView(product.id(), product.name(), product.price(), product.options().stream()
                .map(o -> new OptionView(o.id(), o.name(), o.additionalPrice()))
                .toList());
    }
}
