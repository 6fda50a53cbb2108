package shop.commerce.dataplatform.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.domain.OrderEventPublisher;
import shop.commerce.dataplatform.domain.OrderEventPublisher.PublishResult;
import shop.commerce.dataplatform.domain.OutboxEvent;
import shop.commerce.dataplatform.domain.OutboxRepository;

/**
 * One relay round, never inside a business transaction and never holding a connection while Kafka
 * is called: claim a batch under a short lease (one statement, committed), send it and wait for the
 * acknowledgements, then mark the acknowledged events published (one statement). Events Kafka did
 * not acknowledge stay unpublished; their lease lapses and a later round, here or on any instance,
 * sends them again with the same event id. Any number of relays may run at once.
 */
@Component
public class OutboxRelay {

    private final OutboxRepository outbox;
    private final OrderEventPublisher publisher;
    private final DataPlatformProperties properties;
    private final Clock clock;

    public OutboxRelay(OutboxRepository outbox, OrderEventPublisher publisher, DataPlatformProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    public RelayOutcome relayBatch() {
        Instant now = clock.instant();
        List<OutboxEvent> claimed = outbox.claim(now, now.plus(properties.lease()), properties.batchSize());
        if (claimed.isEmpty()) {
            return RelayOutcome.idle();
        }
        PublishResult result = publisher.publish(claimed);
        int published = result.acknowledged().isEmpty() ? 0
                : outbox.markPublished(result.acknowledged(), clock.instant());
        return new RelayOutcome(claimed.size(), published, result.failure());
    }
}
