package shop.commerce.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import shop.commerce.catalog.application.ProductDefinitionCache;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.SecondInstance;

/**
 * Two instances, each with its own cache of product definitions: a change made through one is
 * shown by the other from its next read, its cached copy is dropped within a second, and an
 * order through the other is never charged the replaced price, even when the announcement of the
 * change never arrives.
 */
class ProductCacheMultiInstanceIntegrationTest extends IntegrationTestSupport {

    private static ConfigurableApplicationContext otherInstance;

    private ProductRef shirt;

    @BeforeAll
    static void startSecondInstance() {
        otherInstance = SecondInstance.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        otherInstance.close();
    }

    @BeforeEach
    void catalog() {
        // the tables were emptied and ids start again: what the other instance cached is void
        otherInstance.getBean(ProductDefinitionCache.class).clear();
        CommerceFixtures fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 100, 100);
        fixtures.balances(1, 2, 500_000);
    }

    @Test
    void aChangeOnOneInstanceIsShownByTheOtherAndDropsItsCopyWithinASecond() {
        onSecond().get(second("/api/v1/products/" + shirt.productId())).then().body("price", equalTo(39_000));
        orderOnSecond(1).then().statusCode(201).body("items[0].unitPrice", equalTo(39_000));
        assertThat(cachedPriceOnSecond()).isEqualTo(39_000);
        double announcedBefore = announcedInvalidationsOnSecond();

        asAdmin(9).body("{\"name\":\"Linen Shirt\",\"price\":45000}").put("/api/v1/admin/products/" + shirt.productId())
                .then().statusCode(200);

        onSecond().get(second("/api/v1/products/" + shirt.productId())).then().body("price", equalTo(45_000));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(cachedPriceOnSecond()).isEqualTo(45_000));
        assertThat(announcedInvalidationsOnSecond()).isGreaterThan(announcedBefore);
    }

    @Test
    void anOrderThroughTheOtherInstanceIsChargedTheNewPriceAtOnce() {
        orderOnSecond(1).then().statusCode(201).body("paidAmount", equalTo(39_000));
        long balanceBefore = fixtures().balance(2);

        asAdmin(9).body("{\"name\":\"Linen Shirt\",\"price\":45000}").put("/api/v1/admin/products/" + shirt.productId())
                .then().statusCode(200);

        orderOnSecond(2).then().statusCode(201).body("items[0].unitPrice", equalTo(45_000))
                .body("paidAmount", equalTo(45_000));
        assertThat(fixtures().balance(2)).isEqualTo(balanceBefore - 45_000);
    }

    @Test
    void aCachedPriceWhoseAnnouncementWasLostIsNeverCharged() {
        orderOnSecond(1).then().statusCode(201).body("paidAmount", equalTo(39_000));
        pendingOrderOnSecond(1).then().statusCode(201).body("totalAmount", equalTo(39_000));
        // a change whose announcement never reached the other instance: its cache still says 39,000
        jdbc.sql("update product set price = 47000, version = version + 1 where id = :id")
                .param("id", shirt.productId()).update();
        assertThat(cachedPriceOnSecond()).isEqualTo(39_000);

        orderOnSecond(2).then().statusCode(201).body("items[0].unitPrice", equalTo(47_000))
                .body("paidAmount", equalTo(47_000));
        jdbc.sql("update product set price = 48000, version = version + 1 where id = :id")
                .param("id", shirt.productId()).update();
        pendingOrderOnSecond(2).then().statusCode(201).body("items[0].unitPrice", equalTo(48_000))
                .body("totalAmount", equalTo(48_000));

        assertThat(jdbc.sql("""
                select count(*) from order_line l join orders o on o.id = l.order_id
                 where o.user_id = 2 and l.unit_price not in (47000, 48000)""").query(Long.class).single())
                .isZero();
        assertThat(fixtures().balance(2)).isEqualTo(500_000 - 47_000);
    }

    private Response orderOnSecond(long userId) {
        return asUserOnSecond(userId).body("""
                {"userId":%d,"items":[{"productId":%d,"optionId":%d,"quantity":1}]}
                """.formatted(userId, shirt.productId(), shirt.option(0))).post(second("/api/v1/orders"));
    }

    private Response pendingOrderOnSecond(long userId) {
        return asUserOnSecond(userId).body("""
                {"userId":%d,"items":[{"productId":%d,"optionId":%d,"quantity":1}],"payNow":false}
                """.formatted(userId, shirt.productId(), shirt.option(0))).post(second("/api/v1/orders"));
    }

    private RequestSpecification onSecond() {
        return given().contentType(ContentType.JSON);
    }

    private static String second(String path) {
        return SecondInstance.baseUrl(otherInstance) + path;
    }

    private RequestSpecification asUserOnSecond(long userId) {
        return onSecond().auth().oauth2(token(userId, Role.USER));
    }

    private long cachedPriceOnSecond() {
        return otherInstance.getBean(CatalogApi.class).products(List.of(shirt.productId())).get(shirt.productId()).price();
    }

    private double announcedInvalidationsOnSecond() {
        String scrape = onSecond().auth().oauth2(token(9, Role.ADMIN)).get(second("/actuator/prometheus")).then()
                .extract().asString();
        return scrape.lines()
                .filter(l -> l.startsWith("commerce_cache_invalidations_total{")
                        && l.contains("reason=\"announced\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
