package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import shop.commerce.dataplatform.DataPlatformTopic.Received;
import shop.commerce.dataplatform.application.DataPlatformProperties;
import shop.commerce.dataplatform.application.OutboxRelay;
import shop.commerce.dataplatform.application.OutboxRelayScheduler;
import shop.commerce.dataplatform.application.PublishedEventPurge;
import shop.commerce.dataplatform.application.RelayOutcome;
import shop.commerce.dataplatform.domain.OrderEventPublisher;
import shop.commerce.dataplatform.domain.OutboxRepository;
import shop.commerce.dataplatform.infrastructure.DataPlatformHealthIndicator;
import shop.commerce.dataplatform.infrastructure.KafkaOrderEventPublisher;
import shop.commerce.support.persistence.SqlTime;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.EmbeddedInfrastructure;
import shop.commerce.testing.CommerceFixtures.ProductRef;

class OutboxRelayIntegrationTest extends DataPlatformIntegrationTestSupport {

    private static final String NOWHERE = "127.0.0.1:1";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    private OutboxRepository outboxRepository;

    @Autowired
    private DataPlatformProperties properties;

    @Autowired
    private PublishedEventPurge purge;

    @Autowired
    private OrderEventPublisher kafkaPublisher;

    private DefaultKafkaProducerFactory<String, String> unreachableKafka;
    private ProductRef mug;

    @BeforeEach
    void catalogAndMoney() {
        CommerceFixtures fixtures = fixtures();
        mug = fixtures.product("Ceramic Mug", 15_000, 50);
        fixtures.balances(1, 1, 500_000);
        unreachableKafka = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, NOWHERE,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000));
    }

    @AfterEach
    void closeUnreachableProducer() {
        unreachableKafka.destroy();
    }

    @Test
    void losesNothingWhileKafkaIsUnreachableAndPublishesEverythingOnceTheClaimsLapse() throws Exception {
        try (DataPlatformTopic topic = DataPlatformTopic.fromNow()) {
            List<String> orderIds = new ArrayList<>();
            withScheduledRelayStopped(() -> {
                for (int i = 0; i < 3; i++) {
                    orderIds.add(paidOrder(1, mug.productId(), mug.option(0), 1).getString("orderId"));
                }
                cancel(1, orderIds.get(0));
                OutboxRelay relayWithoutKafka = new OutboxRelay(outboxRepository,
                        new KafkaOrderEventPublisher(new KafkaTemplate<>(unreachableKafka), properties), properties,
                        clock);

                RelayOutcome outcome = relayWithoutKafka.relayBatch();

                // the cancellation waits for its payment: three events claimable, none published
                assertThat(outcome.claimed()).isEqualTo(3);
                assertThat(outcome.published()).isZero();
                assertThat(outcome.failed()).isTrue();
                assertThat(outbox()).hasSize(4).allMatch(row -> row.publishedAt() == null);
                assertThat(outbox()).filteredOn(row -> row.claimedUntil() != null).hasSize(3)
                        .allMatch(row -> row.claimedUntil().isAfter(clock.instant()) && row.attempts() == 1);
                // while the lease runs, no relay claims those events again
                assertThat(relayWithoutKafka.relayBatch().claimed()).isZero();

                Health health = healthWith(NOWHERE);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("kafka", "unreachable")
                        .containsEntry("unpublishedEvents", 4L).containsKey("oldestUnpublishedEventAge");

                clock.advance(properties.lease().plusSeconds(1));
                assertThat(outbox()).allMatch(row -> row.claimedUntil() == null
                        || row.claimedUntil().isBefore(clock.instant()));
            });

            await().atMost(DELIVERY).until(() -> outbox().stream().allMatch(row -> row.publishedAt() != null));
            List<Received> received = await().atMost(DELIVERY)
                    .until(() -> DataPlatformTopic.distinctByEventId(topic.poll(orderIds)), r -> r.size() == 4);
            assertThat(received).extracting(Received::eventIdHeader).containsExactlyInAnyOrderElementsOf(
                    outbox().stream().map(row -> row.eventId().toString()).toList());
            assertThat(received).filteredOn(r -> r.key().equals(orderIds.get(0))).extracting(Received::eventType)
                    .containsExactly("ORDER_PAID", "ORDER_CANCELLED");
        }
    }

    @Test
    void aRelayWhoseKafkaComesBackResumesByItself() throws Exception {
        AtomicBoolean kafkaUp = new AtomicBoolean(false);
        OrderEventPublisher unreachable = new KafkaOrderEventPublisher(new KafkaTemplate<>(unreachableKafka),
                properties);
        OrderEventPublisher switchable = events -> (kafkaUp.get() ? kafkaPublisher : unreachable).publish(events);
        DataPlatformProperties quickBackoff = new DataPlatformProperties(properties.topic(),
                properties.relayInterval(), properties.batchSize(), properties.lease(), Duration.ofSeconds(1),
                properties.retention(), properties.purgeInterval(), properties.kafkaHealthTimeout());
        OutboxRelayScheduler relay = new OutboxRelayScheduler(
                new OutboxRelay(outboxRepository, switchable, quickBackoff, clock), quickBackoff,
                new SimpleMeterRegistry());

        withScheduledRelayStopped(() -> {
            String orderId = paidOrder(1, mug.productId(), mug.option(0), 1).getString("orderId");
            relay.start();
            try {
                await().atMost(DELIVERY).until(() -> outboxOf(orderId).get(0).attempts() >= 1);
                assertThat(outboxOf(orderId).get(0).publishedAt()).isNull();

                kafkaUp.set(true);
                clock.advance(properties.lease().plusSeconds(1));

                await().atMost(DELIVERY).until(() -> outboxOf(orderId).get(0).publishedAt() != null);
            } finally {
                relay.stop();
            }
        });
    }

    @Test
    void healthReportsTheBacklogAndKafkaWhenReachable() {
        Health health = healthWith(EmbeddedInfrastructure.start().kafkaBootstrapServers());

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("kafka", "reachable").containsEntry("unpublishedEvents", 0L)
                .doesNotContainKey("oldestUnpublishedEventAge");
    }

    @Test
    void purgesPublishedEventsPastTheirRetentionButNeverUnpublishedOnes() {
        Instant now = clock.instant();
        Duration retention = properties.retention();
        insertEvent(now.minus(retention).minus(Duration.ofDays(30)), now.minus(retention).minusSeconds(1));
        insertEvent(now.minus(retention).minus(Duration.ofDays(1)), now.minus(retention).plusSeconds(60));
        UUID unpublished = insertEvent(now.minus(retention).minus(Duration.ofDays(30)), null);

        assertThat(purge.purge()).isEqualTo(1);

        assertThat(outbox()).hasSize(2).anyMatch(row -> row.eventId().equals(unpublished));
        assertThat(outbox()).allMatch(row -> row.publishedAt() == null
                || !row.publishedAt().isBefore(now.minus(retention)));
    }

    private Health healthWith(String bootstrapServers) {
        DataPlatformHealthIndicator indicator = new DataPlatformHealthIndicator(outboxRepository,
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)), properties,
                clock);
        try {
            return indicator.health();
        } finally {
            indicator.destroy();
        }
    }

    /** An event recorded at {@code createdAt}; unpublished ones are leased far ahead, so no relay sends them. */
    private UUID insertEvent(Instant createdAt, Instant publishedAt) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at,
                                                  claimed_until, published_at)
                values (:eventId, 'ORDER_PAID', :orderId, '{}', :createdAt, :claimedUntil, :publishedAt)
                """)
                .param("eventId", eventId).param("orderId", eventId.toString())
                .param("createdAt", SqlTime.param(createdAt))
                .param("claimedUntil",
                        SqlTime.param(publishedAt == null ? createdAt.plus(Duration.ofDays(3650)) : null))
                .param("publishedAt", SqlTime.param(publishedAt))
                .update();
        return eventId;
    }
}
