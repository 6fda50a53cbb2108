package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * Names that only look different are one name: compared after trimming every Unicode space, NFC
 * and case folding; names holding invisible or direction-changing characters are refused. The
 * names put into request bodies are JSON text, so {@code \\u00a0} reaches the service as U+00A0.
 */
class LookAlikeNameIntegrationTest extends IntegrationTestSupport {

    private static final String ADMIN_PRODUCTS = "/api/v1/admin/products";

    private ProductRef shirt;
    private ProductRef mug;

    @BeforeEach
    void catalog() {
        shirt = fixtures().product("Shirt", 39_000, 10, 5);
        fixtures().product("Caf\\u00e9", 4_000, 10);
        mug = fixtures().product("Mug", 12_000, 10);
    }

    @Test
    void aLookAlikeOfAProductNameIsAConflict() {
        asAdmin(1).body(CatalogTestData.plain("\\u00a0SHIRT", 1000, 1)).post(ADMIN_PRODUCTS)
                .then().statusCode(409).body("code", equalTo("DUPLICATE_PRODUCT_NAME"));
        asAdmin(1).body("{\"name\":\"Cafe\\u0301\",\"price\":1}").put(ADMIN_PRODUCTS + "/" + mug.productId())
                .then().statusCode(409).body("code", equalTo("DUPLICATE_PRODUCT_NAME"));

        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Sh\\u200birt", "\\ufeffShirt", "\\u200b", "\\u200b\\u200b\\u200b",
            "Shirt\\u202egnp.exe", "Shirt\\u2066x", "Shirt\\u2028", "Shirt\\u2029", "Shi\\u00adrt", "bad\\ud800x",
            "bad\\udc00", "\\u00a0", "\\u3000\\u2003" })
    void aNameWithInvisibleCharactersIsRefused(String name) {
        asAdmin(1).body(CatalogTestData.plain(name, 1000, 1)).post(ADMIN_PRODUCTS)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));
        asAdmin(1).body("{\"name\":\"" + name + "\",\"price\":1}").put(ADMIN_PRODUCTS + "/" + shirt.productId())
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin(1).body("{\"name\":\"Shirt\",\"price\":1000,\"options\":[{\"name\":\"" + name + "\",\"stock\":1}]}")
                .post(ADMIN_PRODUCTS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("options[0].name"));
        asAdmin(1).body("{\"name\":\"" + name + "\",\"additionalPrice\":0,\"stock\":1}")
                .post(productPath() + "/options").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin(1).body("{\"name\":\"" + name + "\",\"additionalPrice\":0}")
                .put(productPath() + "/options/" + shirt.option(0))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        assertThat(jdbc.sql("select name from product order by id").query(String.class).list())
                .containsExactly("Shirt", "Caf\u00e9", "Mug");
        assertThat(jdbc.sql("select name from product_option where product_id = :id order by id")
                .param("id", shirt.productId()).query(String.class).list()).containsExactly("Option 0", "Option 1");
    }

    @Test
    void aNameIsStoredTrimmedOfEverySpaceAndInNfc() {
        long id = asAdmin(1).body(CatalogTestData.plain("\\u00a0 The\\u00a0Cre\\u0300me\\u3000", 1000, 1))
                .post(ADMIN_PRODUCTS).then().statusCode(201).body("name", equalTo("The\u00a0Cr\u00e8me"))
                .extract().jsonPath().getLong("id");

        assertThat(jdbc.sql("select name || '|' || name_key from product where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("The\u00a0Cr\u00e8me|the\u00a0cr\u00e8me");

        asAdmin(1).body("{\"name\":\"\\u00a0 Cafe\\u0301 Noir \\u00a0\",\"price\":1}").put(ADMIN_PRODUCTS + "/" + id)
                .then().statusCode(200).body("name", equalTo("Caf\u00e9 Noir"));
        asAdmin(1).body("{\"name\":\"\\u00a0Cre\\u0300me\\u00a0\",\"additionalPrice\":0,\"stock\":1}")
                .post(productPath() + "/options").then().statusCode(201)
                .body("options.name", contains("Option 0", "Option 1", "Cr\u00e8me"));
    }

    @Test
    void lookAlikeOptionNamesAreAConflictOnAProductAndInvalidInOneRequest() {
        asAdmin(1).body("{\"name\":\"OPTION 0\\u00a0\",\"additionalPrice\":0,\"stock\":1}")
                .post(productPath() + "/options")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_OPTION_NAME"));
        asAdmin(1).body("{\"name\":\"Hoodie\",\"price\":1000,\"options\":[{\"name\":\"Option 0\",\"stock\":1},"
                + "{\"name\":\"\\u2003option 0\",\"stock\":1}]}").post(ADMIN_PRODUCTS)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        anonymous().get("/api/v1/products/" + shirt.productId()).then()
                .body("options.name", contains("Option 0", "Option 1"));
    }

    @Test
    void anOptionKeepsItsOwnNameWhenOnlyItsCaseChanges() {
        asAdmin(1).body("{\"name\":\"OPTION 0\",\"additionalPrice\":0}")
                .put(productPath() + "/options/" + shirt.option(0))
                .then().statusCode(200).body("options.name", contains("OPTION 0", "Option 1"));
        asAdmin(1).body("{\"name\":\"SHIRT\",\"price\":1}").put(ADMIN_PRODUCTS + "/" + shirt.productId())
                .then().statusCode(200).body("name", equalTo("SHIRT"));
    }

    private String productPath() {
        return ADMIN_PRODUCTS + "/" + shirt.productId();
    }
}
