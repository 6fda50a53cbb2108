package shop.commerce.support.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes rows past their time in batches of {@value #BATCH}, on a fixed delay that starts a minute
 * after start-up. Harmless on every instance at once when each batch deletes only rows nothing reads
 * any more: two deletes of the same row simply find it gone.
 */
public abstract class BatchedPurge implements SchedulingConfigurer {

    static final int BATCH = 1_000;

    private static final Duration FIRST_PURGE_DELAY = Duration.ofMinutes(1);

    private final Clock clock;

    protected BatchedPurge(Clock clock) {
        this.clock = clock;
    }

    /** Deletes at most {@code limit} rows that are past their time at {@code now}; returns how many. */
    protected abstract int deleteBatch(Instant now, int limit);

    /** How long to wait after one purge ends before the next starts. */
    protected abstract Duration interval();

    /** @return how many rows were deleted */
    public int purge() {
        Instant now = clock.instant();
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch(now, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::purge, interval(), FIRST_PURGE_DELAY));
    }
}
