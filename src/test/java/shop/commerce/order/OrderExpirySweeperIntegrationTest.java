package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

@ExtendWith(OutputCaptureExtension.class)
class OrderExpirySweeperIntegrationTest extends IntegrationTestSupport {

    @Test
    void anOrderWhoseReleaseFailsIsSkippedAndReportedWhileTheOthersExpire(CapturedOutput output) {
        CommerceFixtures fixtures = fixtures();
        ProductRef shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        ProductRef mug = fixtures.product("Ceramic Mug", 15_000, 8);
        String first = pending(1, shirt, 0, 2);
        String poisoned = pending(2, mug, 0, 3);
        String last = pending(3, shirt, 1, 1);
        // the mug's stock row holds less than the poisoned order reserved, so its release cannot apply
        jdbc.sql("update option_stock set reserved = 1 where option_id = :id").param("id", mug.option(0)).update();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "EXPIRED".equals(status(first)) && "EXPIRED".equals(status(last)));
        assertThat(status(poisoned)).isEqualTo("PENDING_PAYMENT");
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 0L);
        assertThat(fixtures.stock(shirt.option(1))).containsExactly(5L, 0L);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("Order expiry failed: order=" + poisoned));
        assertThat(asAdmin(1).get("/actuator/prometheus").then().statusCode(200).extract().asString())
                .containsPattern("commerce_order_expiry_failures_total(\\{[^}]*\\})? [1-9]");

        clock.advance(Duration.ofMinutes(1));
        List<Map<String, String>> violations = asAdmin(1).post("/api/v1/admin/consistency-checks").then()
                .statusCode(200).extract().jsonPath().getList("violations");
        assertThat(violations).contains(Map.of("check", "ORDERS_EXPIRE_ON_TIME", "subject", "order " + poisoned,
                "detail", "still PENDING_PAYMENT, expired at " + expiresAt(poisoned)));

        String later = pending(1, shirt, 0, 1);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "EXPIRED".equals(status(later)));
        assertThat(status(poisoned)).isEqualTo("PENDING_PAYMENT");
    }

    private String pending(long userId, ProductRef product, int option, int quantity) {
        return asUser(userId).body("{\"userId\":%d,\"payNow\":false,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":%d}]}"
                .formatted(userId, product.productId(), product.option(option), quantity))
                .post("/api/v1/orders").then().statusCode(201).extract().path("orderId");
    }

    private String status(String orderId) {
        return jdbc.sql("select status from orders where id = :id").param("id", orderId).query(String.class).single();
    }

    private String expiresAt(String orderId) {
        return jdbc.sql("select expires_at from orders where id = :id").param("id", orderId)
                .query(Timestamp.class).single().toInstant().toString();
    }
}
