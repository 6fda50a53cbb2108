package shop.commerce.catalog.application;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.web.PageQuery;
import shop.commerce.support.web.PageResponse;

@Service
public class ProductCatalogService {

    private final ProductRepository products;
    private final Clock clock;

    ProductCatalogService(ProductRepository products, Clock clock) {
        this.products = products;
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

    public Product get(long productId) {
        return products.find(productId).orElseThrow(() -> CatalogErrorCode.productNotFound(productId));
    }

    public PageResponse<Product> page(PageQuery page) {
        return PageResponse.of(products.page(page.offset(), page.size()), page, products.count());
    }
}
