package shop.commerce.dataplatform.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.domain.OutboxRepository;

/**
 * Deletes published events older than {@code commerce.data-platform.retention}, in batches. Events
 * not yet published are never deleted. Harmless on every instance at once: each batch skips the rows
 * another instance is deleting.
 */
@Component
public class PublishedEventPurge implements SchedulingConfigurer {

    private static final int BATCH = 1_000;

    private static final Duration FIRST_PURGE_DELAY = Duration.ofMinutes(1);

    private final OutboxRepository outbox;
    private final DataPlatformProperties properties;
    private final Clock clock;

    PublishedEventPurge(OutboxRepository outbox, DataPlatformProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many events were deleted */
    public int purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = outbox.deletePublishedBefore(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, properties.purgeInterval(), FIRST_PURGE_DELAY));
    }
}
