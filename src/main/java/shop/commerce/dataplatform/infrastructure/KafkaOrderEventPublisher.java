package shop.commerce.dataplatform.infrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.application.DataPlatformProperties;
import shop.commerce.dataplatform.domain.OrderEventPublisher;
import shop.commerce.dataplatform.domain.OutboxEvent;

/**
 * Sends a batch with the application's idempotent producer ({@code acks=all}), keyed by order id so
 * one order's events share a partition, with the event id also as the header {@code eventId}; then
 * waits for the acknowledgements, at most half the relay's lease. A send refused at once for a
 * retriable reason (no broker metadata within {@code max.block.ms}: Kafka is away) ends the batch,
 * so a missing Kafka costs one wait per round, not one per event.
 */
@Component
public class KafkaOrderEventPublisher implements OrderEventPublisher {

    public static final String EVENT_ID_HEADER = "eventId";

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration ackTimeout;

    public KafkaOrderEventPublisher(KafkaTemplate<String, String> kafka, DataPlatformProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topic();
        this.ackTimeout = properties.lease().dividedBy(2);
    }

    @Override
    public PublishResult publish(List<OutboxEvent> events) {
        List<Sent> sent = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            CompletableFuture<SendResult<String, String>> ack;
            try {
                ack = kafka.send(record(event));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            sent.add(new Sent(event.eventId(), ack));
            if (ack.isCompletedExceptionally() && isRetriable(causeOf(ack))) {
                break;
            }
        }
        Throwable failure = awaitAcks(sent);
        Set<UUID> acknowledged = sent.stream().filter(Sent::acknowledged).map(Sent::eventId)
                .collect(Collectors.toUnmodifiableSet());
        return new PublishResult(acknowledged, failure);
    }

    private ProducerRecord<String, String> record(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.orderId(), event.payload());
        record.headers().add(EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Waits until every send is acknowledged or failed, or the time is up; null when all were acknowledged. */
    private Throwable awaitAcks(List<Sent> sent) {
        try {
            CompletableFuture.allOf(sent.stream().map(Sent::ack).toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new TimeoutException("Kafka did not acknowledge the batch within " + ackTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private static boolean isRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    private record Sent(UUID eventId, CompletableFuture<SendResult<String, String>> ack) {

        boolean acknowledged() {
            return ack.isDone() && !ack.isCompletedExceptionally();
        }
    }
}
