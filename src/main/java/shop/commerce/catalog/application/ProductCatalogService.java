package shop.commerce.catalog.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.CatalogApi.OptionView;
import shop.commerce.catalog.CatalogApi.ProductView;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductOption;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.catalog.domain.StockLevel;
import shop.commerce.catalog.domain.StockRepository;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.web.PageQuery;
import shop.commerce.support.web.PageResponse;

@Service
public class ProductCatalogService {

    private final ProductRepository products;
    private final CatalogApi catalog;
    private final StockRepository stock;
    private final Clock clock;

    ProductCatalogService(ProductRepository products, CatalogApi catalog, StockRepository stock, Clock clock) {
        this.products = products;
        this.catalog = catalog;
        this.stock = stock;
        this.clock = clock;
    }

    /** Creates a product; the unique index on the name decides between concurrent creations. */
    @Transactional
    public Product create(NewProduct product) {
        long id;
        try {
            id = products.create(product, clock.instant());
        } catch (DuplicateKeyException taken) {
            throw new BusinessException(CatalogErrorCode.DUPLICATE_PRODUCT_NAME,
                    "A product named '" + product.name() + "' already exists");
        }
        return products.find(id).orElseThrow();
    }

    @Transactional
    public Product restock(long productId, long optionId, long quantity) {
        if (!products.restock(productId, optionId, quantity)) {
            throw products.exists(productId) ? CatalogErrorCode.optionNotFound(optionId)
                    : CatalogErrorCode.productNotFound(productId);
        }
        return products.find(productId).orElseThrow();
    }

    /**
     * The product's definition from this instance's cache and its stock read live: one primary-key
     * read of the options' stock rows, so every stock shown is exact at the time of the read.
     */
    public Product get(long productId) {
        ProductView definition = catalog.products(List.of(productId)).get(productId);
        if (definition == null) {
            throw CatalogErrorCode.productNotFound(productId);
        }
        Map<Long, StockLevel> levels = stock.levels(definition.options().stream().map(OptionView::id).toList());
        if (levels.size() != definition.options().size()) {
            // an option the cache knows is gone, or one it does not know was added: read it whole
            catalog.evict(List.of(productId));
            return products.find(productId).orElseThrow(() -> CatalogErrorCode.productNotFound(productId));
        }
        return new Product(definition.id(), definition.name(), definition.price(), definition.options().stream()
                .map(o -> new ProductOption(o.id(), o.name(), o.additionalPrice(), levels.get(o.id()).total(),
                        levels.get(o.id()).reserved()))
                .toList());
    }

    public PageResponse<Product> page(PageQuery page) {
        return PageResponse.of(products.page(page.offset(), page.size()), page, products.count());
    }
}
