package shop.commerce.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

class RankingIntegrationTest extends IntegrationTestSupport {

    private CommerceFixtures fixtures;
    private ProductRef tee;
    private ProductRef hoodie;
    private ProductRef mug;
    private ProductRef cap;
    private ProductRef socks;

    @BeforeEach
    void catalogAndMoney() {
        fixtures = fixtures();
        tee = fixtures.product("Tee", 10_000, 100);
        hoodie = fixtures.product("Hoodie", 20_000, 100);
        mug = fixtures.product("Mug", 10_000, 100);
        cap = fixtures.product("Cap", 10_000, 100);
        socks = fixtures.product("Socks", 10_000, 100);
        fixtures.balances(1, 1, 5_000_000);
    }

    @Test
    void ranksByQuantityThenRevenueThenProductIdNetOfCancellations() {
        pay(tee, 5);
        pay(hoodie, 5);
        pay(cap, 2);
        pay(mug, 2);
        String cancelled = pay(socks, 9);
        asUser(1).post("/api/v1/orders/" + cancelled + "/cancel").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> anonymous().get("/api/v1/products/top")
                .then().statusCode(200)
                .body("rank", contains(1, 2, 3, 4))
                .body("name", contains("Hoodie", "Tee", "Mug", "Cap"))
                .body("quantitySold", contains(5, 5, 2, 2))
                .body("revenue", contains(100_000, 50_000, 20_000, 20_000)));
        anonymous().get("/api/v1/products/top?limit=2").then().body("productId",
                contains((int) hoodie.productId(), (int) tee.productId()));
    }

    @Test
    void revenueIsBeforeDiscountsAndCountsOptionPrices() {
        ProductRef shirt = fixtures.product("Shirt", 30_000, 10, 10);
        asUser(1).body("{\"userId\":1,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":2}]}"
                .formatted(shirt.productId(), shirt.option(1))).post("/api/v1/orders").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> anonymous().get("/api/v1/products/top")
                .then().body("revenue", contains(62_000)).body("quantitySold", contains(2)));
    }

    @Test
    void countsOnlyPaymentsOfTodayAndTheDaysBefore() {
        pay(tee, 3);
        clock.advance(Duration.ofDays(3));
        pay(mug, 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> anonymous().get("/api/v1/products/top?days=3")
                .then().body("name", contains("Mug")));
        anonymous().get("/api/v1/products/top?days=4").then().body("name", contains("Tee", "Mug"));
    }

    @Test
    void aCancellationIsTakenOffTheDayOfThePayment() {
        pay(tee, 1);
        String order = pay(mug, 4);
        clock.advance(Duration.ofDays(3));
        asUser(1).post("/api/v1/orders/" + order + "/cancel").then().statusCode(200);
        pay(cap, 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> anonymous().get("/api/v1/products/top?days=3")
                .then().body("name", contains("Cap")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> anonymous().get("/api/v1/products/top?days=7")
                .then().body("name", contains("Tee", "Cap")));
    }

    @Test
    void theRankingCacheReportsItsHitsAndMisses() {
        double hits = cacheGets("hit");
        double misses = cacheGets("miss");

        anonymous().get("/api/v1/products/top?days=2").then().statusCode(200);
        anonymous().get("/api/v1/products/top?days=2").then().statusCode(200);

        assertThat(cacheGets("miss")).isEqualTo(misses + 1);
        assertThat(cacheGets("hit")).isEqualTo(hits + 1);
    }

    private double cacheGets(String result) {
        return asAdmin(1).get("/actuator/prometheus").then().extract().asString().lines()
                .filter(l -> l.startsWith("cache_gets_total{") && l.contains("cache=\"top-products\"")
                        && l.contains("result=\"" + result + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anEmptyRankingIsAnEmptyList() {
        anonymous().get("/api/v1/products/top").then().statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "days=0", "days=31", "limit=0", "limit=101" })
    void rejectsOutOfRangeParameters(String query) {
        anonymous().get("/api/v1/products/top?" + query).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void rejectsUnreadableParameters() {
        anonymous().get("/api/v1/products/top?days=abc").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    private String pay(ProductRef product, long quantity) {
        return asUser(1).body("{\"userId\":1,\"items\":[{\"productId\":%d,\"quantity\":%d}]}"
                .formatted(product.productId(), quantity)).post("/api/v1/orders")
                .then().statusCode(201).extract().path("orderId");
    }
}
