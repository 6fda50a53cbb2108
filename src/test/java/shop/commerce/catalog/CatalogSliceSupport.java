package shop.commerce.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.catalog.application.ProductDefinitionCache;
import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.testing.ModuleSliceSupport;

/**
 * The catalogue alone on PostgreSQL and Redis (where product changes are announced); products are
 * created through its own service, with an empty definition cache for every test.
 */
abstract class CatalogSliceSupport extends ModuleSliceSupport {

    @Autowired
    ProductCatalogService catalog;

    @Autowired
    ProductDefinitionCache definitions;

    @BeforeEach
    void emptyDefinitionCache() {
        definitions.clear();
    }

    /** A product whose options are named "Option 0".. with the given stocks; option i costs price + 1,000 * i. */
    Product product(String name, long price, long... stocks) {
        List<NewProduct.NewOption> options = new ArrayList<>();
        for (int i = 0; i < stocks.length; i++) {
            options.add(new NewProduct.NewOption(CatalogName.ofOption("name", "Option " + i), 1000L * i, stocks[i]));
        }
        return catalog.create(new NewProduct(CatalogName.ofProduct("name", name), price, options));
    }

    static long option(Product product, int index) {
        return product.options().get(index).id();
    }

    /** {total, reserved} of an option, from its row. */
    List<Long> stock(long optionId) {
        return jdbc.sql("select total, reserved from option_stock where option_id = :id").param("id", optionId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }
}
