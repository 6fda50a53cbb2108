package shop.commerce.support.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes expired records in small batches. Harmless on every instance at once: expired rows are
 * never read, and two deletes of the same row simply find it gone.
 */
@Component
class ExpiredIdempotencyRecordPurge implements SchedulingConfigurer {

    private static final int BATCH = 1_000;

    private static final Duration FIRST_PURGE_DELAY = Duration.ofMinutes(1);

    private final IdempotencyRecordRepository records;
    private final IdempotencyProperties properties;
    private final Clock clock;

    ExpiredIdempotencyRecordPurge(IdempotencyRecordRepository records, IdempotencyProperties properties, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    void purge() {
        int deleted;
        do {
            deleted = records.deleteExpired(clock.instant(), BATCH);
        } while (deleted == BATCH);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, properties.purgeInterval(), FIRST_PURGE_DELAY));
    }
}
