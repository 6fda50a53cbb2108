package shop.commerce.support.idempotency;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired records in small batches. Harmless on every instance at once: expired rows are
 * never read, and two deletes of the same row simply find it gone.
 */
@Component
class ExpiredIdempotencyRecordPurge {

    private static final int BATCH = 1_000;

    private final IdempotencyRecordRepository records;
    private final Clock clock;

    ExpiredIdempotencyRecordPurge(IdempotencyRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.idempotency.purge-interval:10m}", initialDelayString = "1m")
    void purge() {
        int deleted;
        do {
            deleted = records.deleteExpired(clock.instant(), BATCH);
        } while (deleted == BATCH);
    }
}
