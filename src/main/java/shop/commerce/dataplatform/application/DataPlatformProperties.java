package shop.commerce.dataplatform.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.data-platform.*}: the feed's topic, the relay and the retention of published events.
 *
 * @param topic the Kafka topic the events go to
 * @param relayInterval how often an idle relay looks for new events
 * @param batchSize how many events a relay claims and publishes per round
 * @param lease how long a claim keeps other relays off a batch; longer than the producer's
 *        {@code max.block.ms} + {@code delivery.timeout.ms}, so a batch is normally published once
 * @param maxBackoff the longest wait between attempts while Kafka (or the database) is failing
 * @param retention how long published events stay in the outbox before the purge deletes them
 * @param purgeInterval how often the purge runs
 * @param kafkaHealthTimeout how long the health check waits for Kafka to answer
 */
@ConfigurationProperties("commerce.data-platform")
public record DataPlatformProperties(@DefaultValue("commerce.order-events") String topic,
        @DefaultValue("200ms") Duration relayInterval, @DefaultValue("100") int batchSize,
        @DefaultValue("30s") Duration lease, @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("1s") Duration kafkaHealthTimeout) {

    public DataPlatformProperties {
        requirePositive("relay-interval", relayInterval);
        requirePositive("lease", lease);
        requirePositive("max-backoff", maxBackoff);
        requirePositive("retention", retention);
        requirePositive("purge-interval", purgeInterval);
        requirePositive("kafka-health-timeout", kafkaHealthTimeout);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("commerce.data-platform.topic must not be blank");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("commerce.data-platform.batch-size must be 1..10000");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("commerce.data-platform." + name + " must be a positive duration");
        }
    }
}
