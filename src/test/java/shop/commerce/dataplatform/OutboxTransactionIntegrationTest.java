package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

import io.restassured.path.json.JsonPath;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;

/** The outbox row is part of the order's transaction: it commits with the order or not at all. */
class OutboxTransactionIntegrationTest extends DataPlatformIntegrationTestSupport {

    private CommerceFixtures fixtures;
    private ProductRef mug;

    @BeforeEach
    void catalogAndMoney() {
        fixtures = fixtures();
        mug = fixtures.product("Ceramic Mug", 15_000, 5);
        fixtures.balances(1, 1, 500_000);
        fixtures.balances(2, 2, 10_000);
    }

    @Test
    void aPaidOrderWritesExactlyOneOutboxRow() {
        JsonPath order = paidOrder(1, mug.productId(), mug.option(0), 2);
        String orderId = order.getString("orderId");

        List<OutboxRow> rows = outbox();
        assertThat(rows).hasSize(1);
        OutboxRow row = rows.get(0);
        assertThat(row.orderId()).isEqualTo(orderId);
        assertThat(row.eventType()).isEqualTo("ORDER_PAID");
        JsonPath payload = JsonPath.from(row.payload());
        assertThat(payload.getString("eventId")).isEqualTo(row.eventId().toString());
        assertThat(payload.getLong("paidAmount")).isEqualTo(30_000);
        assertThat(Instant.parse(payload.getString("paidAt"))).isEqualTo(Instant.parse(order.getString("paidAt")));
    }

    @Test
    void aRefusedOrderWritesNoOutboxRow() {
        placeOrder(2, mug.productId(), mug.option(0), 1, true, null).then().statusCode(409)
                .body("code", equalTo("INSUFFICIENT_BALANCE"));
        placeOrder(1, mug.productId(), mug.option(0), 6, true, null).then().statusCode(409)
                .body("code", equalTo("OUT_OF_STOCK"));

        assertThat(outbox()).isEmpty();
    }

    @Test
    void aRefusedPaymentWritesNoOutboxRow() {
        String orderId = placeOrder(2, mug.productId(), mug.option(0), 1, false, null).then().statusCode(201)
                .extract().path("orderId");
        asUser(2).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(409)
                .body("code", equalTo("INSUFFICIENT_BALANCE"));

        assertThat(outbox()).isEmpty();
    }

    @Test
    void onlyPaymentsAndCancellationsOfPaidOrdersAreRecorded() {
        String unpaid = placeOrder(1, mug.productId(), mug.option(0), 1, false, null).then().statusCode(201)
                .extract().path("orderId");
        cancel(1, unpaid);
        assertThat(outbox()).isEmpty();

        String orderId = placeOrder(1, mug.productId(), mug.option(0), 1, false, null).then().statusCode(201)
                .extract().path("orderId");
        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(200);
        cancel(1, orderId);

        assertThat(outbox()).extracting(OutboxRow::orderId, OutboxRow::eventType)
                .containsExactly(tuple(orderId, "ORDER_PAID"), tuple(orderId, "ORDER_CANCELLED"));
    }

    @Test
    void aReplayedPaymentRecordsNothingMore() {
        String body = """
                {"userId":1,"items":[{"productId":%d,"optionId":%d,"quantity":1}]}
                """.formatted(mug.productId(), mug.option(0));
        asUser(1).header("Idempotency-Key", "feed-1").body(body).post("/api/v1/orders").then().statusCode(201);
        asUser(1).header("Idempotency-Key", "feed-1").body(body).post("/api/v1/orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true");

        assertThat(outbox()).hasSize(1);
    }
}
