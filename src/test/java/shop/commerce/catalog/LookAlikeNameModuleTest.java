package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.test.ApplicationModuleTest;

import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.catalog.domain.Product;
import shop.commerce.support.error.BusinessException;

/**
 * Names that only look different are one name to the catalogue's unique keys: compared after
 * trimming every Unicode space, NFC and case folding. Invisible characters are refused at the HTTP
 * edge ({@code LookAlikeNameIntegrationTest}).
 */
@ApplicationModuleTest(extraIncludes = "support")
class LookAlikeNameModuleTest extends CatalogSliceSupport {

    private Product shirt;
    private Product mug;

    @BeforeEach
    void catalog() {
        shirt = product("Shirt", 39_000, 10, 5);
        product("Caf\u00e9", 4_000, 10);
        mug = product("Mug", 12_000, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = { "shirt", "SHIRT", "Shirt\u00a0", "\u00a0Shirt", "\u3000Shirt\u2003", " shirt ",
            "Cafe\u0301", "CAFE\u0301", "caf\u00c9" })
    void aLookAlikeOfAProductNameIsADuplicate(String name) {
        assertRefused(() -> product(name, 1000, 1), CatalogErrorCode.DUPLICATE_PRODUCT_NAME);
        assertRefused(() -> catalog.rename(mug.id(), CatalogName.ofProduct("name", name), 1),
                CatalogErrorCode.DUPLICATE_PRODUCT_NAME);

        assertThat(jdbc.sql("select name from product order by id").query(String.class).list())
                .containsExactly("Shirt", "Caf\u00e9", "Mug");
    }

    @ParameterizedTest
    @ValueSource(strings = { "option 0", "OPTION 0", "Option 0\u00a0", "\u2003Option 0" })
    void aLookAlikeOfAnOptionNameIsADuplicateWithinItsProduct(String name) {
        CatalogName optionName = CatalogName.ofOption("name", name);
        assertRefused(() -> catalog.addOption(shirt.id(), new NewProduct.NewOption(optionName, 0, 1)),
                CatalogErrorCode.DUPLICATE_OPTION_NAME);
        assertRefused(() -> catalog.changeOption(shirt.id(), option(shirt, 1), optionName, 0),
                CatalogErrorCode.DUPLICATE_OPTION_NAME);

        assertThat(catalog.get(shirt.id()).options()).extracting(option -> option.name())
                .containsExactly("Option 0", "Option 1");
        Product another = catalog.create(new NewProduct(CatalogName.ofProduct("name", name), 1000,
                List.of(new NewProduct.NewOption(optionName, 0, 1))));
        assertThat(another.options()).hasSize(1);
    }

    private static void assertRefused(ThrowingCallable change, CatalogErrorCode code) {
        assertThatThrownBy(change).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.errorCode()).isEqualTo(code));
    }
}
