package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import shop.commerce.support.id.RandomIds;

class RandomIdsTest {

    @Test
    void randomUuidsAreVersionFourAndUniqueAcrossThreads() {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(RandomIds.uuid()));

        assertThat(ids).hasSize(200_000);
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void timeOrderedUuidsAreVersionSevenCarryTheirMillisecondAndSortByTime() {
        Instant now = Instant.parse("2026-11-22T10:15:30.123Z");

        UUID id = RandomIds.timeOrderedUuid(now);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
        assertThat(RandomIds.timeOrderedUuid(now.plusMillis(1)).toString()).isGreaterThan(id.toString());
    }

    @Test
    void timeOrderedUuidsOfOneMillisecondAreStillUniqueAcrossThreads() {
        Instant now = Instant.now();
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 100_000).parallel().forEach(i -> ids.add(RandomIds.timeOrderedUuid(now)));

        assertThat(ids).hasSize(100_000);
    }
}
