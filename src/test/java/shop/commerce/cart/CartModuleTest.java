package shop.commerce.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import shop.commerce.cart.application.CartService;
import shop.commerce.cart.application.CartView;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.support.error.BusinessException;
import shop.commerce.testing.ModuleSliceSupport;

/** The cart with the catalogue it reads names, prices and live stock from; no HTTP, no ordering. */
@ApplicationModuleTest(extraIncludes = { "catalog", "support" })
class CartModuleTest extends ModuleSliceSupport {

    @Autowired
    CartService carts;

    @Autowired
    ProductCatalogService catalog;

    private Product shirt;
    private Product mug;

    @BeforeEach
    void products() {
        shirt = catalog.create(new NewProduct(CatalogName.ofProduct("name", "Linen Shirt"), 39_000, List.of(
                option("Small", 0, 10), option("Large", 1_000, 5))));
        mug = catalog.create(new NewProduct(CatalogName.ofProduct("name", "Ceramic Mug"), 15_000,
                List.of(option("Default", 0, 3))));
    }

    @Override
    protected List<String> capabilitiesUnderTest() {
        return List.of("cart", "catalog");
    }

    @Test
    void anEmptyCartHasNoItems() {
        CartView cart = carts.view(1);
        assertThat(cart.items()).isEmpty();
        assertThat(cart.totalAmount()).isZero();
    }

    @Test
    void putSetsALinesQuantityWithPricesAndLiveStock() {
        CartView.Line line = carts.put(1, shirt.id(), optionOf(shirt, 1), 2).items().get(0);
        assertThat(line).isEqualTo(new CartView.Line(shirt.id(), optionOf(shirt, 1), "Linen Shirt", "Large", 40_000,
                2, 80_000, 5));
        carts.put(1, mug.id(), optionOf(mug, 0), 1);

        CartView cart = carts.put(1, shirt.id(), optionOf(shirt, 1), 3);

        assertThat(cart.items()).extracting(CartView.Line::quantity).containsExactly(3L, 1L);
        assertThat(cart.totalAmount()).isEqualTo(135_000);
        assertThat(carts.view(1)).isEqualTo(cart);
    }

    @Test
    void refusesMoreThanTheAvailableStock() {
        assertRefused(() -> carts.put(1, mug.id(), optionOf(mug, 0), 4), CatalogErrorCode.OUT_OF_STOCK);
        assertThat(carts.view(1).items()).isEmpty();
    }

    @Test
    void refusesUnknownProductsAndOptionsOfAnotherProduct() {
        assertRefused(() -> carts.put(1, 999, optionOf(mug, 0), 1), CatalogErrorCode.PRODUCT_NOT_FOUND);
        assertRefused(() -> carts.put(1, shirt.id(), optionOf(mug, 0), 1), CatalogErrorCode.OPTION_NOT_FOUND);
        assertThat(carts.view(1).items()).isEmpty();
    }

    @Test
    void deletesALine() {
        carts.put(1, mug.id(), optionOf(mug, 0), 1);
        carts.delete(1, optionOf(mug, 0));
        assertThat(carts.view(1).items()).isEmpty();
    }

    @Test
    void aCartIsKeptInTheDatabasePerUser() {
        carts.put(1, mug.id(), optionOf(mug, 0), 2);
        assertThat(jdbc.sql("select quantity from cart_item where user_id = 1").query(Long.class).single())
                .isEqualTo(2);
        assertThat(carts.view(2).items()).isEmpty();
    }

    private static NewProduct.NewOption option(String name, long additionalPrice, long stock) {
        return new NewProduct.NewOption(CatalogName.ofOption("name", name), additionalPrice, stock);
    }

    private static long optionOf(Product product, int index) {
        return product.options().get(index).id();
    }

    private static void assertRefused(Runnable action, CatalogErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.errorCode()).isEqualTo(code));
    }
}
