package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.commerce.dataplatform.application.DataPlatformProperties;
import shop.commerce.dataplatform.application.OutboxRelay;
import shop.commerce.dataplatform.application.RelayOutcome;
import shop.commerce.dataplatform.domain.OrderEventPublisher;
import shop.commerce.dataplatform.domain.OrderEventPublisher.PublishResult;
import shop.commerce.dataplatform.domain.OrderEventType;
import shop.commerce.dataplatform.domain.OutboxEvent;
import shop.commerce.dataplatform.domain.OutboxRepository;

/** One relay round against an outbox and a Kafka that only record what they are asked. */
class OutboxRelayTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final DataPlatformProperties PROPERTIES = new DataPlatformProperties("events",
            Duration.ofMillis(200), 3, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofDays(7),
            Duration.ofHours(1), Duration.ofSeconds(1));

    private final RecordingOutbox outbox = new RecordingOutbox();

    @Test
    void claimsABatchUnderALeaseAndMarksWhatKafkaAcknowledged() {
        OutboxEvent first = event(1);
        OutboxEvent second = event(2);
        outbox.claimable.addAll(List.of(first, second));
        OrderEventPublisher kafka = events -> new PublishResult(Set.of(first.eventId(), second.eventId()), null);

        RelayOutcome outcome = relay(kafka).relayBatch();

        assertThat(outcome).isEqualTo(new RelayOutcome(2, 2, null));
        assertThat(outbox.leaseUntil).isEqualTo(NOW.plus(PROPERTIES.lease()));
        assertThat(outbox.limit).isEqualTo(3);
        assertThat(outbox.published).containsExactlyInAnyOrder(first.eventId(), second.eventId());
    }

    @Test
    void leavesWhatKafkaDidNotAcknowledgeUnpublished() {
        OutboxEvent first = event(1);
        OutboxEvent second = event(2);
        outbox.claimable.addAll(List.of(first, second));
        IllegalStateException brokerDown = new IllegalStateException("broker down");
        OrderEventPublisher kafka = events -> new PublishResult(Set.of(first.eventId()), brokerDown);

        RelayOutcome outcome = relay(kafka).relayBatch();

        assertThat(outcome.claimed()).isEqualTo(2);
        assertThat(outcome.published()).isEqualTo(1);
        assertThat(outcome.failure()).isSameAs(brokerDown);
        assertThat(outbox.published).containsExactly(first.eventId());
    }

    @Test
    void neitherSendsNorMarksWhenNothingIsClaimable() {
        List<List<OutboxEvent>> sent = new ArrayList<>();
        OrderEventPublisher kafka = events -> {
            sent.add(events);
            return new PublishResult(Set.of(), null);
        };

        assertThat(relay(kafka).relayBatch()).isEqualTo(new RelayOutcome(0, 0, null));
        assertThat(sent).isEmpty();
        assertThat(outbox.markCalls).isZero();
    }

    private OutboxRelay relay(OrderEventPublisher kafka) {
        return new OutboxRelay(outbox, kafka, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OutboxEvent event(long id) {
        return new OutboxEvent(id, UUID.randomUUID(), OrderEventType.ORDER_PAID, "order-" + id, "{}");
    }

    private static final class RecordingOutbox implements OutboxRepository {

        final List<OutboxEvent> claimable = new ArrayList<>();
        final List<UUID> published = new ArrayList<>();
        Instant leaseUntil;
        int limit;
        int markCalls;

        @Override
        public List<OutboxEvent> claim(Instant now, Instant leaseUntil, int limit) {
            this.leaseUntil = leaseUntil;
            this.limit = limit;
            return List.copyOf(claimable);
        }

        @Override
        public int markPublished(Collection<UUID> eventIds, Instant publishedAt) {
            markCalls++;
            published.addAll(eventIds);
            return eventIds.size();
        }

        @Override
        public Backlog backlog() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deletePublishedBefore(Instant cutoff, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
