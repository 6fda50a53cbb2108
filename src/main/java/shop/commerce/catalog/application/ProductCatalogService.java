package shop.commerce.catalog.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.application.ProductDefinitionCache.Invalidation;
import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductChanges;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.persistence.AfterCommit;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;

/**
 * The catalogue's use cases. A change of what a product shows raises its definition version in
 * the changing transaction (the product row's lock serialises changes of one product) and, once
 * committed, drops this instance's cached copy and announces the change to the other instances.
 */
@Service
public class ProductCatalogService {

    private final ProductRepository products;
    private final CatalogFacade reader;
    private final ProductDefinitionCache definitions;
    private final ProductChanges changes;
    private final Clock clock;

    ProductCatalogService(ProductRepository products, CatalogFacade reader, ProductDefinitionCache definitions,
            ProductChanges changes, Clock clock) {
        this.products = products;
        this.reader = reader;
        this.definitions = definitions;
        this.changes = changes;
        this.clock = clock;
    }

    /** Creates a product; the unique index on the name's key decides between concurrent creations. */
    @Transactional
    public Product create(NewProduct product) {
        long id;
        try {
            id = products.create(product, clock.instant());
        } catch (DuplicateKeyException taken) {
            throw duplicateName(product.name());
        }
        return products.find(id).orElseThrow();
    }

    /** Adds stock: stock is never cached, so every instance's next read shows it. */
    @Transactional
    public Product restock(long productId, long optionId, long quantity) {
        if (!products.restock(productId, optionId, quantity, clock.instant())) {
            throw products.exists(productId) ? CatalogErrorCode.optionNotFound(optionId)
                    : CatalogErrorCode.productNotFound(productId);
        }
        return products.find(productId).orElseThrow();
    }

    /** Sets the product's name and base price. */
    @Transactional
    public Product rename(long productId, CatalogName name, long price) {
        lockForChange(productId);
        try {
            products.rename(productId, name, price);
        } catch (DuplicateKeyException taken) {
            throw duplicateName(name);
        }
        return products.find(productId).orElseThrow();
    }

    /** Adds an option with its stock; a product has at most {@link NewProduct#MAX_OPTIONS}. */
    @Transactional
    public Product addOption(long productId, NewProduct.NewOption option) {
        lockForChange(productId);
        OptionalLong added;
        try {
            added = products.addOption(productId, option, NewProduct.MAX_OPTIONS, clock.instant());
        } catch (DuplicateKeyException taken) {
            throw duplicateOptionName(option.name());
        }
        if (added.isEmpty()) {
            throw new BusinessException(CatalogErrorCode.OPTION_LIMIT_REACHED,
                    "Product " + productId + " already has " + NewProduct.MAX_OPTIONS + " options");
        }
        return products.find(productId).orElseThrow();
    }

    /** Sets an option's name and additional price. */
    @Transactional
    public Product changeOption(long productId, long optionId, CatalogName name, long additionalPrice) {
        lockForChange(productId);
        boolean changed;
        try {
            changed = products.changeOption(productId, optionId, name, additionalPrice);
        } catch (DuplicateKeyException taken) {
            throw duplicateOptionName(name);
        }
        if (!changed) {
            throw CatalogErrorCode.optionNotFound(optionId);
        }
        return products.find(productId).orElseThrow();
    }

    /**
     * The product's definition from this instance's cache, confirmed current, and its stock read
     * live, in one statement: every stock shown is exact at the time of the read, and a name or
     * price that was replaced is never shown.
     */
    public Product get(long productId) {
        Product product = reader.current(List.of(productId)).get(productId);
        if (product == null) {
            throw CatalogErrorCode.productNotFound(productId);
        }
        return product;
    }

    /** The products found among {@code productIds}, each read as {@link #get} reads one, in one statement. */
    public Map<Long, Product> getAll(Collection<Long> productIds) {
        return reader.current(productIds);
    }

    public PageResponse<Product> page(PageQuery page) {
        return PageResponse.of(products.page(page.offset(), page.size()), page, products.count());
    }

    private void lockForChange(long productId) {
        if (!products.lockForChange(productId)) {
            throw CatalogErrorCode.productNotFound(productId);
        }
        AfterCommit.run(() -> {
            definitions.invalidate(List.of(productId), Invalidation.CHANGED);
            changes.announce(productId);
        });
    }

    private static BusinessException duplicateName(CatalogName name) {
        return new BusinessException(CatalogErrorCode.DUPLICATE_PRODUCT_NAME,
                "A product named '" + name.display() + "' already exists (names are compared ignoring case,"
                        + " Unicode form and leading or trailing spaces)");
    }

    private static BusinessException duplicateOptionName(CatalogName name) {
        return new BusinessException(CatalogErrorCode.DUPLICATE_OPTION_NAME,
                "The product already has an option named '" + name.display() + "' (names are compared ignoring"
                        + " case, Unicode form and leading or trailing spaces)");
    }
}
