package shop.commerce.dataplatform.domain;

import java.util.UUID;

/** An outbox row claimed by a relay: what to send to Kafka, keyed by the order id. */
public record OutboxEvent(long id, UUID eventId, OrderEventType eventType, String orderId, String payload) {
}
