package shop.commerce.dataplatform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import shop.commerce.dataplatform.application.OutboxRelayScheduler;
import shop.commerce.support.persistence.SqlTime;
import shop.commerce.testing.IntegrationTestSupport;

/** Orders through the HTTP API and a look at the outbox table, for the data-platform tests. */
abstract class DataPlatformIntegrationTestSupport extends IntegrationTestSupport {

    @Autowired
    protected OutboxRelayScheduler relayScheduler;

    protected record OutboxRow(long id, UUID eventId, String eventType, String orderId, String payload,
            Instant claimedUntil, int attempts, Instant publishedAt) {
    }

    protected interface TestAction {
        void run() throws Exception;
    }

    /**
     * Runs the action with this context's scheduled relay stopped, so only the relays the test drives
     * touch the outbox; the scheduled relay starts again afterwards, whatever happens.
     */
    protected void withScheduledRelayStopped(TestAction action) throws Exception {
        relayScheduler.stop();
        try {
            action.run();
        } finally {
            relayScheduler.start();
        }
    }

    protected Response placeOrder(long userId, long productId, long optionId, int quantity, boolean payNow,
            Long userCouponId) {
        return asUser(userId).body("""
                {"userId":%d,"payNow":%s,"userCouponId":%s,"items":[{"productId":%d,"optionId":%d,"quantity":%d}]}
                """.formatted(userId, payNow, userCouponId, productId, optionId, quantity))
                .post("/api/v1/orders");
    }

    protected JsonPath paidOrder(long userId, long productId, long optionId, int quantity) {
        return placeOrder(userId, productId, optionId, quantity, true, null).then().statusCode(201).extract()
                .jsonPath();
    }

    protected JsonPath cancel(long userId, String orderId) {
        return asUser(userId).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200).extract()
                .jsonPath();
    }

    protected List<OutboxRow> outbox() {
        return jdbc.sql("""
                select id, event_id, event_type, order_id, payload, claimed_until, attempts, published_at
                  from data_platform_outbox order by id
                """)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getString("order_id"), rs.getString("payload"),
                        SqlTime.read(rs, "claimed_until"), rs.getInt("attempts"), SqlTime.read(rs, "published_at")))
                .list();
    }

    protected List<OutboxRow> outboxOf(String orderId) {
        return outbox().stream().filter(r -> r.orderId().equals(orderId)).toList();
    }
}
