/**
 * The data-platform feed: every payment and every cancellation of a paid order becomes one event on
 * Kafka, recorded in a transactional outbox inside the order's transaction and relayed after commit.
 * It implements the order capability's {@link shop.commerce.order.OrderEventFeed} (the event's id
 * and body); nothing depends on it.
 */
@ApplicationModule(displayName = "Data platform feed", allowedDependencies = { "order", "support" })
package shop.commerce.dataplatform;

import org.springframework.modulith.ApplicationModule;
