package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/** A product's definition is read through this instance's cache; its stock never is. */
class ProductDefinitionCacheIntegrationTest extends IntegrationTestSupport {

    private ProductRef shirt;

    @BeforeEach
    void catalog() {
        CommerceFixtures fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        fixtures.balances(1, 1, 500_000);
    }

    @Test
    void aCachedProductShowsItsLiveStockAndConfirmsItsVersionInOneStatement() {
        anonymous().get("/api/v1/products/" + shirt.productId()).then().statusCode(200).body("stock", equalTo(15));
        asUser(1).body("""
                {"userId":1,"items":[{"productId":%d,"optionId":%d,"quantity":3}]}
                """.formatted(shirt.productId(), shirt.option(1))).post("/api/v1/orders").then().statusCode(201);
        queryCounter.reset();

        anonymous().get("/api/v1/products/" + shirt.productId()).then().statusCode(200)
                .body("stock", equalTo(12)).body("options.stock", contains(10, 2));

        List<String> statements = queryCounter.requestStatements();
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).contains("from option_stock", "version", "from product")
                .doesNotContain("product_option");
    }

    @Test
    void aRestockIsSeenAtOnceByTheNextRead() {
        anonymous().get("/api/v1/products/" + shirt.productId()).then().body("options.stock", contains(10, 5));

        asAdmin(1_000_000).body("{\"quantity\":7}")
                .post("/api/v1/admin/products/%d/options/%d/restock".formatted(shirt.productId(), shirt.option(1)))
                .then().statusCode(200);

        anonymous().get("/api/v1/products/" + shirt.productId()).then().body("options.stock", contains(10, 12));
    }

    @Test
    void aDefinitionChangedBehindTheCachesBackIsNeverShown() {
        anonymous().get("/api/v1/products/" + shirt.productId()).then().body("price", equalTo(39_000));
        // what a change on another instance whose announcement was lost looks like to this one
        jdbc.sql("update product set price = 41000, version = version + 1 where id = :id")
                .param("id", shirt.productId()).update();

        anonymous().get("/api/v1/products/" + shirt.productId()).then().statusCode(200)
                .body("price", equalTo(41_000)).body("options.stock", contains(10, 5));
        asUser(1).get("/api/v1/users/1/cart").then().statusCode(200);
        asUser(1).body("""
                {"productId":%d,"optionId":%d,"quantity":2}
                """.formatted(shirt.productId(), shirt.option(1))).put("/api/v1/users/1/cart/items")
                .then().statusCode(200).body("items[0].unitPrice", equalTo(42_000));

        String scrape = asAdmin(1).get("/actuator/prometheus").then().extract().asString();
        assertThat(scrape).containsPattern(
                "commerce_cache_invalidations_total\\{cache=\"product-definitions\",reason=\"stale\"} [1-9]");
    }

    @Test
    void theCacheReportsItsHitsAndMissesToPrometheus() {
        anonymous().get("/api/v1/products/" + shirt.productId()).then().statusCode(200);
        anonymous().get("/api/v1/products/" + shirt.productId()).then().statusCode(200);

        String scrape = asAdmin(1).get("/actuator/prometheus").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("cache_gets_total{cache=\"product-definitions\"", "result=\"hit\"",
                "result=\"miss\"");
    }
}
