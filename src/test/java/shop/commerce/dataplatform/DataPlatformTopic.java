package shop.commerce.dataplatform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.path.json.JsonPath;
import shop.commerce.testing.EmbeddedInfrastructure;

/**
 * A plain consumer of the feed's topic on the embedded broker, positioned at the end of every
 * partition when created, so it sees only what the test makes happen. Keeps everything it has
 * received, in arrival order (per partition, the broker's order).
 */
final class DataPlatformTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    private DataPlatformTopic(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    static DataPlatformTopic fromNow() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.start().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "data-platform-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(EmbeddedInfrastructure.ORDER_EVENTS_TOPIC).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new DataPlatformTopic(consumer);
    }

    /** Polls once more and returns everything received so far that belongs to the given orders. */
    List<Received> poll(Collection<String> orderIds) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received(record.key(), header(record, "eventId"), record.value(), record.partition(),
                    record.offset()));
        }
        Set<String> wanted = Set.copyOf(orderIds);
        return received.stream().filter(r -> wanted.contains(r.key())).toList();
    }

    /** What a consumer that drops repeated event ids keeps: the first copy of each event. */
    static List<Received> distinctByEventId(List<Received> records) {
        Map<String, Received> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(r.eventIdHeader(), r));
        return List.copyOf(first.values());
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    record Received(String key, String eventIdHeader, String value, int partition, long offset) {

        JsonPath body() {
            return JsonPath.from(value);
        }

        String eventType() {
            return body().getString("eventType");
        }
    }
}
