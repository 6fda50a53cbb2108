package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import shop.commerce.dataplatform.DataPlatformTopic.Received;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;

class DataPlatformFeedIntegrationTest extends DataPlatformIntegrationTestSupport {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private CommerceFixtures fixtures;
    private ProductRef shirt;

    @BeforeEach
    void catalogAndMoney() {
        fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 12, 5);
        fixtures.balances(1, 2, 500_000);
    }

    @Test
    void publishesOnePaidEventPerPaymentKeyedByTheOrder() {
        long couponId = fixtures.fixedCoupon("Five thousand off", 5_000, 10);
        long userCouponId = fixtures.issue(token(1, Role.USER), 1, couponId);
        try (DataPlatformTopic topic = DataPlatformTopic.fromNow()) {
            JsonPath order = placeOrder(1, shirt.productId(), shirt.option(0), 2, true, userCouponId).then()
                    .statusCode(201).extract().jsonPath();
            String orderId = order.getString("orderId");

            List<Received> records = await().atMost(DELIVERY)
                    .until(() -> topic.poll(List.of(orderId)), r -> !r.isEmpty());
            await().atMost(DELIVERY).until(() -> outboxOf(orderId).get(0).publishedAt() != null);
            records = topic.poll(List.of(orderId));

            assertThat(records).hasSize(1);
            Received paid = records.get(0);
            JsonPath body = paid.body();
            assertThat(paid.key()).isEqualTo(orderId);
            assertThat(paid.eventIdHeader()).isEqualTo(body.getString("eventId"))
                    .isEqualTo(outboxOf(orderId).get(0).eventId().toString());
            assertThat(body.getMap("$").keySet()).containsExactly("eventId", "eventType", "occurredAt", "orderId",
                    "userId", "items", "totalAmount", "discountAmount", "paidAmount", "paidAt");
            assertThat(body.getString("eventType")).isEqualTo("ORDER_PAID");
            assertThat(body.getString("orderId")).isEqualTo(orderId);
            assertThat(body.getLong("userId")).isEqualTo(1);
            assertThat(body.getList("items")).containsExactly(Map.of("productId", (int) shirt.productId(),
                    "optionId", (int) shirt.option(0), "quantity", 2, "unitPrice", 39_000));
            assertThat(body.getLong("totalAmount")).isEqualTo(78_000);
            assertThat(body.getLong("discountAmount")).isEqualTo(5_000);
            assertThat(body.getLong("paidAmount")).isEqualTo(73_000);
            Instant paidAt = Instant.parse(order.getString("paidAt"));
            assertThat(Instant.parse(body.getString("paidAt"))).isEqualTo(paidAt);
            assertThat(Instant.parse(body.getString("occurredAt"))).isEqualTo(paidAt);
        }
    }

    @Test
    void publishesTheCancellationAfterThePaymentOfTheSameOrder() {
        try (DataPlatformTopic topic = DataPlatformTopic.fromNow()) {
            String orderId = placeOrder(2, shirt.productId(), shirt.option(1), 1, false, null).then()
                    .statusCode(201).extract().path("orderId");
            JsonPath paidOrder = asUser(2).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(200)
                    .extract().jsonPath();
            JsonPath cancelled = cancel(2, orderId);

            List<Received> records = await().atMost(DELIVERY)
                    .until(() -> topic.poll(List.of(orderId)), r -> r.size() >= 2);

            assertThat(records).extracting(Received::eventType).containsExactly("ORDER_PAID", "ORDER_CANCELLED");
            Received paid = records.get(0);
            Received cancellation = records.get(1);
            assertThat(cancellation.key()).isEqualTo(orderId);
            assertThat(cancellation.partition()).isEqualTo(paid.partition());
            assertThat(cancellation.offset()).isGreaterThan(paid.offset());
            assertThat(cancellation.eventIdHeader()).isEqualTo(cancellation.body().getString("eventId"))
                    .isNotEqualTo(paid.eventIdHeader());
            JsonPath body = cancellation.body();
            assertThat(Instant.parse(body.getString("occurredAt")))
                    .isEqualTo(Instant.parse(cancelled.getString("cancelledAt")));
            assertThat(Instant.parse(body.getString("paidAt")))
                    .isEqualTo(Instant.parse(paidOrder.getString("paidAt")))
                    .isEqualTo(Instant.parse(paid.body().getString("paidAt")));
            assertThat(body.getLong("paidAmount")).isEqualTo(40_000);
            assertThat(body.getList("items.optionId", Long.class)).containsExactly(shirt.option(1));
        }
    }

    @Test
    void reportsTheFeedAsAHealthDetailOutsideReadiness() {
        asAdmin(1).get("/actuator/health").then().statusCode(200)
                .body("components.dataPlatform.status", equalTo("UP"))
                .body("components.dataPlatform.details.kafka", equalTo("reachable"))
                .body("components.dataPlatform.details.unpublishedEvents", greaterThanOrEqualTo(0))
                .body("components.dataPlatform.details.kafkaClusterId", notNullValue());
        anonymous().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"))
                .body("components.dataPlatform", nullValue());
    }
}
