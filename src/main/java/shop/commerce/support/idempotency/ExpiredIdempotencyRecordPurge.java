package shop.commerce.support.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import shop.commerce.support.persistence.BatchedPurge;

/** Deletes the outcomes of idempotent requests past their time; an expired record is never read. */
@Component
class ExpiredIdempotencyRecordPurge extends BatchedPurge {

    private final IdempotencyRecordRepository records;
    private final IdempotencyProperties properties;

    ExpiredIdempotencyRecordPurge(IdempotencyRecordRepository records, IdempotencyProperties properties, Clock clock) {
        super(clock);
        this.records = records;
        this.properties = properties;
    }

    @Override
    protected int deleteBatch(Instant now, int limit) {
        return records.deleteExpired(now, limit);
    }

    @Override
    protected Duration interval() {
        return properties.purgeInterval();
    }
}
