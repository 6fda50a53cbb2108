package shop.commerce.dataplatform.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.domain.OutboxRepository;
import shop.commerce.support.persistence.BatchedPurge;

/**
 * Deletes published events older than {@code commerce.data-platform.retention}. Events not yet
 * published are never deleted; each batch skips the rows another instance is deleting.
 */
@Component
public class PublishedEventPurge extends BatchedPurge {

    private final OutboxRepository outbox;
    private final DataPlatformProperties properties;

    PublishedEventPurge(OutboxRepository outbox, DataPlatformProperties properties, Clock clock) {
        super(clock);
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    protected int deleteBatch(Instant now, int limit) {
        return outbox.deletePublishedBefore(now.minus(properties.retention()), limit);
    }

    @Override
    protected Duration interval() {
        return properties.purgeInterval();
    }
}
