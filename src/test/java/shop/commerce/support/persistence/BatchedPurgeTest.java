package shop.commerce.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BatchedPurgeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void deletesFullBatchesUntilOneComesBackShortAllAtTheSameCutoff() {
        RecordingPurge purge = new RecordingPurge(BatchedPurge.BATCH * 2 + 17);

        assertThat(purge.purge()).isEqualTo(BatchedPurge.BATCH * 2 + 17);
        assertThat(purge.batches).hasSize(3).containsOnly(NOW);
    }

    @Test
    void aPurgeWithNothingToDeleteTakesOneBatch() {
        RecordingPurge purge = new RecordingPurge(0);

        assertThat(purge.purge()).isZero();
        assertThat(purge.batches).hasSize(1);
    }

    private static final class RecordingPurge extends BatchedPurge {

        private final List<Instant> batches = new ArrayList<>();
        private int left;

        RecordingPurge(int rows) {
            super(Clock.fixed(NOW, ZoneOffset.UTC));
            this.left = rows;
        }

        @Override
        protected int deleteBatch(Instant now, int limit) {
            batches.add(now);
            int deleted = Math.min(left, limit);
            left -= deleted;
            return deleted;
        }

        @Override
        protected Duration interval() {
            return Duration.ofMinutes(10);
        }
    }
}
