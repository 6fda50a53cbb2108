/**
 * The data-platform feed: every payment and every cancellation of a paid order becomes one event on
 * Kafka, recorded in a transactional outbox inside the order's transaction and relayed after commit.
 * Nothing else depends on this capability; it listens to the order events.
 */
package shop.commerce.dataplatform;
