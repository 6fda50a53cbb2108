package shop.commerce.dataplatform.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Sends outbox events to the data platform's topic and waits for the broker's acknowledgements. */
public interface OrderEventPublisher {

    /**
     * Publishes the events and reports which ones the broker acknowledged. A broker failure is not
     * thrown: it is reported, and the events it left unacknowledged are simply retried later.
     */
    PublishResult publish(List<OutboxEvent> events);

    /** @param failure the first error met, or null when every event was acknowledged */
    record PublishResult(Set<UUID> acknowledged, Throwable failure) {

        public boolean failed() {
            return failure != null;
        }
    }
}
