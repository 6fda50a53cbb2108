/**
 * The data-platform feed: every payment and every cancellation of a paid order becomes one event on
 * Kafka, recorded in a transactional outbox inside the order's transaction and relayed after commit.
 * The order capability uses {@link shop.commerce.dataplatform.DataPlatformFeed} (the event's id and
 * body) and the outbox's SQL function; this capability depends on no other.
 */
@ApplicationModule(displayName = "Data platform feed", allowedDependencies = { "support" })
package shop.commerce.dataplatform;

import org.springframework.modulith.ApplicationModule;
