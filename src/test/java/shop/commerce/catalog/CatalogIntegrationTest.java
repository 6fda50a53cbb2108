package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;
import shop.commerce.testing.IntegrationTestSupport;

class CatalogIntegrationTest extends IntegrationTestSupport {

    @Test
    void createsAProductWithOptionsAndStock() {
        asAdmin(1).body(CatalogTestData.shirt("Linen Shirt", 12, 3)).post("/api/v1/admin/products")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("Linen Shirt"))
                .body("price", equalTo(39000))
                .body("stock", equalTo(15))
                .body("options.name", contains("Black / M", "White / L"))
                .body("options.additionalPrice", contains(0, 2000))
                .body("options.stock", contains(12, 3))
                .body("options[0].id", notNullValue());
    }

    @Test
    void readsProductsPubliclyOrderedByIdAndPaged() {
        long first = create(CatalogTestData.plain("Mug", 12000, 5)).getLong("id");
        long second = create(CatalogTestData.plain("Tote Bag", 18000, 0)).getLong("id");
        create(CatalogTestData.plain("Socks", 5000, 100));

        anonymous().get("/api/v1/products?page=0&size=2").then().statusCode(200)
                .body("content.id", contains((int) first, (int) second))
                .body("content[1].stock", equalTo(0))
                .body("totalElements", equalTo(3)).body("totalPages", equalTo(2));
        anonymous().get("/api/v1/products?page=1&size=2").then().statusCode(200).body("content.name", contains("Socks"));
        anonymous().get("/api/v1/products?page=3").then().statusCode(200).body("content", hasSize(0));
        anonymous().get("/api/v1/products/" + first).then().statusCode(200).body("name", equalTo("Mug"))
                .body("stock", equalTo(5));
    }

    @Test
    void anUnknownProductIsNotFound() {
        anonymous().get("/api/v1/products/999").then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        anonymous().get("/api/v1/products/abc").then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void refusesADuplicateProductName() {
        create(CatalogTestData.plain("Mug", 12000, 5));
        asAdmin(1).body(CatalogTestData.plain("Mug", 9000, 1)).post("/api/v1/admin/products")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_PRODUCT_NAME"));
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"X\",\"price\":1000,\"options\":[]}",
            "{\"name\":\"X\",\"price\":1000}",
            "{\"name\":\"\",\"price\":1000,\"options\":[{\"name\":\"D\",\"stock\":1}]}",
            "{\"name\":\"X\",\"price\":-1,\"options\":[{\"name\":\"D\",\"stock\":1}]}",
            "{\"name\":\"X\",\"options\":[{\"name\":\"D\",\"stock\":1}]}",
            "{\"name\":\"X\",\"price\":1000,\"options\":[{\"name\":\"D\",\"stock\":-1}]}",
            "{\"name\":\"X\",\"price\":1000,\"options\":[{\"name\":\"D\",\"additionalPrice\":-5,\"stock\":1}]}",
            "{\"name\":\"X\",\"price\":1000,\"options\":[{\"name\":\" \",\"stock\":1}]}",
            "{\"name\":\"X\",\"price\":1000,\"options\":[{\"name\":\"D\",\"stock\":1},{\"name\":\"D\",\"stock\":2}]}",
            "{\"name\":\"X\",\"price\":1000,\"options\":[null]}" })
    void rejectsInvalidProducts(String body) {
        asAdmin(1).body(body).post("/api/v1/admin/products")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors", notNullValue());
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isZero();
    }

    @Test
    void rejectsElevenOptionsButAcceptsTen() {
        asAdmin(1).body(withOptions(11)).post("/api/v1/admin/products")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin(1).body(withOptions(10)).post("/api/v1/admin/products")
                .then().statusCode(201).body("options", hasSize(10));
    }

    @Test
    void onlyAdministratorsCreateOrRestock() {
        asUser(1).body(CatalogTestData.plain("Mug", 12000, 5)).post("/api/v1/admin/products")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        anonymous().body(CatalogTestData.plain("Mug", 12000, 5)).post("/api/v1/admin/products")
                .then().statusCode(401);
        asUser(1).body("{\"quantity\":1}").post("/api/v1/admin/products/1/options/1/restock").then().statusCode(403);
    }

    @Test
    void restocksOneOption() {
        JsonPath product = create(CatalogTestData.shirt("Linen Shirt", 2, 3));
        long productId = product.getLong("id");
        long white = product.getLong("options[1].id");

        asAdmin(1).body("{\"quantity\":10}")
                .post("/api/v1/admin/products/" + productId + "/options/" + white + "/restock")
                .then().statusCode(200).body("options.stock", contains(2, 13)).body("stock", equalTo(15));
    }

    @Test
    void restockNamesWhatIsMissing() {
        JsonPath shirt = create(CatalogTestData.shirt("Linen Shirt", 2, 3));
        JsonPath mug = create(CatalogTestData.plain("Mug", 12000, 5));
        long mugOption = mug.getLong("options[0].id");

        asAdmin(1).body("{\"quantity\":1}").post("/api/v1/admin/products/999/options/" + mugOption + "/restock")
                .then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        asAdmin(1).body("{\"quantity\":1}")
                .post("/api/v1/admin/products/" + shirt.getLong("id") + "/options/" + mugOption + "/restock")
                .then().statusCode(404).body("code", equalTo("OPTION_NOT_FOUND"));
        asAdmin(1).body("{\"quantity\":0}")
                .post("/api/v1/admin/products/" + shirt.getLong("id") + "/options/1/restock")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void listingProductsTakesAFixedNumberOfQueriesWhateverThePageHolds() {
        for (int i = 0; i < 3; i++) {
            create(CatalogTestData.shirt("Shirt " + i, 1, 1));
        }
        queryCounter.reset();
        anonymous().get("/api/v1/products?size=100").then().statusCode(200).body("content", hasSize(3));
        long fewProducts = queryCounter.count("from product");

        for (int i = 3; i < 40; i++) {
            create(CatalogTestData.shirt("Shirt " + i, 1, 1));
        }
        queryCounter.reset();
        anonymous().get("/api/v1/products?size=100").then().statusCode(200).body("content", hasSize(40))
                .body("content.name", hasItem("Shirt 39"));
        long manyProducts = queryCounter.count("from product");

        assertThat(manyProducts).isEqualTo(fewProducts).isLessThanOrEqualTo(3);
    }

    private JsonPath create(String body) {
        return asAdmin(1).body(body).post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
    }

    private static String withOptions(int count) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < count; i++) {
            options.append(i == 0 ? "" : ",").append("{\"name\":\"Size ").append(i).append("\",\"stock\":1}");
        }
        return "{\"name\":\"Many Options " + count + "\",\"price\":1000,\"options\":[" + options + "]}";
    }
}
