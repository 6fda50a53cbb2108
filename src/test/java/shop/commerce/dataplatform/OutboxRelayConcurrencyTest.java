package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import shop.commerce.dataplatform.DataPlatformFeed.FeedEntry;
import shop.commerce.dataplatform.DataPlatformFeed;
import shop.commerce.dataplatform.DataPlatformTopic.Received;
import shop.commerce.dataplatform.OrderCancelled;
import shop.commerce.dataplatform.OrderItem;
import shop.commerce.dataplatform.OrderPaid;
import shop.commerce.dataplatform.application.DataPlatformProperties;
import shop.commerce.dataplatform.application.OutboxRelay;
import shop.commerce.dataplatform.application.RelayOutcome;
import shop.commerce.dataplatform.domain.OrderEventPublisher;
import shop.commerce.dataplatform.domain.OutboxRepository;

/**
 * Two relays, as on two instances, drain the same outbox into the real Kafka at once: every event is
 * published, none twice, and each order's payment reaches the topic before its cancellation.
 */
class OutboxRelayConcurrencyTest extends DataPlatformIntegrationTestSupport {

    private static final int ORDERS = 100;

    @Autowired
    private OutboxRepository outboxRepository;

    @Autowired
    private OrderEventPublisher kafkaPublisher;

    @Autowired
    private DataPlatformProperties properties;

    @Autowired
    private DataPlatformFeed feed;

    @Test
    void twoRelaysPublishEveryEventOnceAndEachOrdersEventsInOrder() throws Exception {
        List<String> orderIds = new ArrayList<>();
        try (DataPlatformTopic topic = DataPlatformTopic.fromNow()) {
            withScheduledRelayStopped(() -> {
                recordPaidAndCancelledOrders(orderIds);
                assertThat(outboxRepository.backlog().unpublished()).isEqualTo(2L * ORDERS);

                List<RelayOutcome> outcomes = drainConcurrently(relay(7), relay(11));

                assertThat(outcomes).noneMatch(RelayOutcome::failed);
                // no event was claimed twice, and each was marked published by exactly one relay
                assertThat(outcomes.stream().mapToInt(RelayOutcome::claimed).sum()).isEqualTo(2 * ORDERS);
                assertThat(outcomes.stream().mapToInt(RelayOutcome::published).sum()).isEqualTo(2 * ORDERS);
                assertThat(outbox()).hasSize(2 * ORDERS).allMatch(row -> row.publishedAt() != null);
            });

            List<Received> received = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll(orderIds),
                    r -> DataPlatformTopic.distinctByEventId(r).size() == 2 * ORDERS);

            List<Received> distinct = DataPlatformTopic.distinctByEventId(received);
            assertThat(distinct).extracting(Received::eventIdHeader).containsExactlyInAnyOrderElementsOf(
                    outbox().stream().map(row -> row.eventId().toString()).toList());
            assertThat(received).hasSize(2 * ORDERS);
            Map<String, List<Received>> byOrder = distinct.stream()
                    .collect(Collectors.groupingBy(Received::key));
            assertThat(byOrder).hasSize(ORDERS);
            byOrder.forEach((orderId, records) -> {
                assertThat(records).extracting(Received::eventType).containsExactly("ORDER_PAID", "ORDER_CANCELLED");
                assertThat(records.get(1).partition()).isEqualTo(records.get(0).partition());
                assertThat(records.get(1).offset()).isGreaterThan(records.get(0).offset());
            });
        }
    }

    /** Each order paid then cancelled, each event written in a statement of its own, as the order services do. */
    private void recordPaidAndCancelledOrders(List<String> orderIds) {
        for (int i = 0; i < ORDERS; i++) {
            String orderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            long userId = 1 + i % 7;
            List<OrderItem> items = List.of(new OrderItem(1 + i % 5, 10 + i % 5, 1 + i % 3, 12_000));
            long total = items.get(0).quantity() * 12_000;
            Instant paidAt = clock.instant();
            append(orderId, feed.paid(new OrderPaid(orderId, userId, items, total, 0, total, paidAt)));
            append(orderId, feed.cancelled(
                    new OrderCancelled(orderId, userId, items, total, 0, total, paidAt, clock.instant())));
        }
    }

    private void append(String orderId, FeedEntry entry) {
        jdbc.sql("""
                insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at)
                values (:eventId, :type, :orderId, cast(:payload as json), now())
                """)
                .param("eventId", entry.eventId()).param("type", entry.eventType()).param("orderId", orderId)
                .param("payload", entry.payload())
                .update();
    }

    private OutboxRelay relay(int batchSize) {
        DataPlatformProperties withBatch = new DataPlatformProperties(properties.topic(), properties.relayInterval(),
                batchSize, properties.lease(), properties.maxBackoff(), properties.retention(),
                properties.purgeInterval(), properties.kafkaHealthTimeout());
        return new OutboxRelay(outboxRepository, kafkaPublisher, withBatch, clock);
    }

    /** Runs the relays on threads released together, each until the outbox has nothing left to publish. */
    private List<RelayOutcome> drainConcurrently(OutboxRelay... relays) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(relays.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<RelayOutcome>>> results = new ArrayList<>();
            for (OutboxRelay relay : relays) {
                results.add(threads.submit(() -> {
                    start.await();
                    List<RelayOutcome> outcomes = new ArrayList<>();
                    while (outboxRepository.backlog().unpublished() > 0) {
                        outcomes.add(relay.relayBatch());
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            List<RelayOutcome> all = new ArrayList<>();
            for (Future<List<RelayOutcome>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }
}
