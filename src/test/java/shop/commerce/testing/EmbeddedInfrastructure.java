package shop.commerce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL, Redis and Kafka for the local run and the test suite, started once per JVM on
 * free ports (the machine's own services may hold the standard ones) and stopped when it exits.
 */
public final class EmbeddedInfrastructure {

    public static final String ORDER_EVENTS_TOPIC = "commerce.order-events";

    private static EmbeddedInfrastructure running;

    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final EmbeddedKafkaKraftBroker kafka;

    private EmbeddedInfrastructure(EmbeddedPostgres postgres, RedisServer redis, int redisPort,
            EmbeddedKafkaKraftBroker kafka) {
        this.postgres = postgres;
        this.redis = redis;
        this.redisPort = redisPort;
        this.kafka = kafka;
    }

    public static synchronized EmbeddedInfrastructure start() {
        if (running == null) {
            // Redis and PostgreSQL are extracted and forked one after the other: a binary still open
            // for writing while another process forks cannot be executed ("text file busy").
            int redisPort = freePort();
            RedisServer redis = redis(redisPort);
            CompletableFuture<EmbeddedKafkaKraftBroker> kafka = CompletableFuture.supplyAsync(EmbeddedInfrastructure::kafka);
            CompletableFuture<EmbeddedPostgres> postgres = CompletableFuture.completedFuture(postgres());
            running = new EmbeddedInfrastructure(postgres.join(), redis, redisPort, kafka.join());
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "embedded-infrastructure-stop"));
        }
        return running;
    }

    /** Starts the servers if they are not running yet and points a test's application context at them. */
    public static void registerWith(DynamicPropertyRegistry registry) {
        start().springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The Spring properties that point the application at these servers. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", Integer.toString(redisPort));
        properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
        return properties;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    public int redisPort() {
        return redisPort;
    }

    /** Stops Redis, as an outage; {@link #startRedis()} brings it back empty on the same port. */
    public void stopRedis() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void startRedis() {
        try {
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        try {
            kafka.destroy();
        } catch (RuntimeException ignored) {
            // shutting down anyway
        }
        try {
            redis.stop();
            postgres.close();
        } catch (IOException | RuntimeException ignored) {
            // shutting down anyway
        }
    }

    private static EmbeddedPostgres postgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    // as on the project machine: no table is analyzed behind a test's back, so a plan test's
                    // statistics are the ones it sets up (OutboxClaimPlanIntegrationTest)
                    .setServerConfig("autovacuum", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static RedisServer redis(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start", e);
        }
    }

    private static EmbeddedKafkaKraftBroker kafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, ORDER_EVENTS_TOPIC);
        broker.afterPropertiesSet();
        return broker;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
