package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.EventStreamClient;
import shop.commerce.testing.EventStreamClient.Event;
import shop.commerce.testing.IntegrationTestSupport;

/** GET /api/v1/products/{productId}/events (docs/api.md, Catalog; docs/architecture.md, event streams). */
class ProductEventsIntegrationTest extends IntegrationTestSupport {

    /** The statement that reads the live stock of a set of products (JdbcProductRepository.liveState). */
    private static final String LIVE_STOCK_READ = "from option_stock where option_id = any";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<EventStreamClient> streams = new ArrayList<>();

    @AfterEach
    void hangUp() {
        streams.forEach(EventStreamClient::close);
    }

    @Test
    void streamsTheProductAtOnceWithoutATokenAndAgainWhenItsStockChanges() {
        ProductRef shirt = fixtures().product("Linen Shirt", 39000, 10, 4);
        EventStreamClient stream = open(shirt.productId());

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        Event first = stream.next(WAIT);
        assertThat(first.name()).isEqualTo("product");
        assertThat(first.json().get("name").asString()).isEqualTo("Linen Shirt");
        assertThat(first.json().get("stock").asLong()).isEqualTo(14);

        buy(7, shirt, 3);
        Event changed = stream.next(WAIT);
        assertThat(changed.name()).isEqualTo("product");
        assertThat(changed.json().get("stock").asLong()).isEqualTo(11);
        assertThat(changed.json().get("options").get(0).get("stock").asLong()).isEqualTo(7);
        assertThat(fixtures().stock(shirt.option(0))).containsExactly(7L, 0L);
    }

    /**
     * 120 streams, more than Tomcat's 64 worker threads: every one is answered (an open stream holds
     * no thread), each instance reads the watched products' stock once per poll for all of them, and
     * a product that did not change sends nothing.
     */
    @Test
    void manyStreamsShareOneStockReadPerPollAndHoldNoRequestThread() throws InterruptedException {
        ProductRef watched = fixtures().product("Watched Mug", 15000, 50);
        ProductRef quiet = fixtures().product("Quiet Tote", 18000, 20);
        List<EventStreamClient> onWatched = new ArrayList<>();
        List<EventStreamClient> onQuiet = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            onWatched.add(open(watched.productId()));
            onQuiet.add(open(quiet.productId()));
        }
        onWatched.forEach(stream -> assertThat(stream.next(WAIT).json().get("stock").asLong()).isEqualTo(50));
        onQuiet.forEach(stream -> assertThat(stream.next(WAIT).json().get("stock").asLong()).isEqualTo(20));
        anonymous().get("/api/v1/products/" + watched.productId()).then().statusCode(200);

        queryCounter.reset();
        long start = System.nanoTime();
        buy(8, watched, 2);
        onWatched.forEach(stream -> assertThat(stream.next(WAIT).json().get("stock").asLong()).isEqualTo(48));
        Thread.sleep(Math.max(0, 3_000 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
        long reads = queryCounter.count(LIVE_STOCK_READ);
        long polls = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;

        assertThat(reads).as("live stock reads in %d s with 120 streams", polls - 1).isBetween(1L, polls);
        onQuiet.forEach(stream -> assertThat(stream.hasNoEventWaiting()).isTrue());
    }

    @Test
    void anUnknownProductIsANotFoundProblemAndANonPositiveIdABadRequest() {
        anonymous().accept("text/event-stream").get("/api/v1/products/999999/events").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("PRODUCT_NOT_FOUND"));
        anonymous().get("/api/v1/products/0/events").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void anAcceptThatExcludesEventStreamsIsNotAcceptable() {
        ProductRef mug = fixtures().product("Mug", 12000, 5);
        anonymous().accept("application/json").get("/api/v1/products/" + mug.productId() + "/events").then()
                .statusCode(406).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void headAnswersAsGetWithoutABodyAndEnds() {
        ProductRef mug = fixtures().product("Mug", 12000, 5);
        anonymous().head("/api/v1/products/" + mug.productId() + "/events").then().statusCode(200)
                .contentType(startsWith("text/event-stream"));
    }

    private EventStreamClient open(long productId) {
        EventStreamClient stream = EventStreamClient.open(http, baseUrl() + "/api/v1/products/" + productId + "/events");
        streams.add(stream);
        return stream;
    }

    private void buy(long userId, ProductRef product, int quantity) {
        fixtures().balances(userId, userId, 1_000_000);
        asUser(userId).body("""
                {"userId":%d,"items":[{"productId":%d,"optionId":%d,"quantity":%d}]}
                """.formatted(userId, product.productId(), product.option(0), quantity))
                .post("/api/v1/orders").then().statusCode(201).body("status", equalTo("PAID"));
    }
}
