package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.EventStreamClient;
import shop.commerce.testing.EventStreamClient.Event;
import shop.commerce.testing.IntegrationTestSupport;

/** GET /api/v1/coupons/{couponId}/events (docs/api.md, Coupons): public, live remaining quantity. */
class CouponEventsIntegrationTest extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void streamsTheRemainingQuantityWithoutATokenUntilTheCouponSellsOut() {
        long couponId = fixtures().fixedCoupon("First 2", 3000, 2);
        try (EventStreamClient stream = EventStreamClient.open(http, baseUrl() + "/api/v1/coupons/" + couponId + "/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            Event first = stream.next(WAIT);
            assertThat(first.name()).isEqualTo("coupon");
            assertThat(first.json().get("remainingQuantity").asInt()).isEqualTo(2);

            fixtures().issue(token(1, Role.USER), 1, couponId);
            fixtures().issue(token(2, Role.USER), 2, couponId);

            Event soldOut = stream.awaitEvent(event -> event.json().get("remainingQuantity").asInt() == 0, WAIT);
            assertThat(soldOut.json().get("issuedQuantity").asInt()).isEqualTo(2);
        }
        assertThat(jdbc.sql("select count(*) from user_coupon where coupon_id = :id").param("id", couponId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anUnknownCouponIsANotFoundProblemAndANonPositiveIdABadRequest() {
        anonymous().accept("text/event-stream").get("/api/v1/coupons/999999/events").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("COUPON_NOT_FOUND"));
        anonymous().get("/api/v1/coupons/0/events").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("VALIDATION_FAILED"));
    }
}
