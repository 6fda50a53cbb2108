package shop.commerce.dataplatform.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.application.DataPlatformProperties;
import shop.commerce.dataplatform.domain.OutboxRepository;
import shop.commerce.dataplatform.domain.OutboxRepository.Backlog;

/**
 * The feed in {@code /actuator/health} as component {@code dataPlatform}: the outbox backlog (events
 * not yet published, age of the oldest) and whether Kafka answers within
 * {@code commerce.data-platform.kafka-health-timeout}. DOWN while Kafka does not answer, but this
 * component is not in the readiness group: orders keep working and the backlog waits.
 */
@Component
public class DataPlatformHealthIndicator implements HealthIndicator, DisposableBean {

    private final OutboxRepository outbox;
    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;
    private final Clock clock;
    private Admin admin;

    public DataPlatformHealthIndicator(OutboxRepository outbox, KafkaAdmin kafkaAdmin,
            DataPlatformProperties properties, Clock clock) {
        this.outbox = outbox;
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = properties.kafkaHealthTimeout();
        this.clock = clock;
    }

    @Override
    public Health health() {
        Backlog backlog = outbox.backlog();
        Health.Builder health = new Health.Builder().withDetail("unpublishedEvents", backlog.unpublished());
        if (backlog.oldestCreatedAt() != null) {
            Duration age = Duration.between(backlog.oldestCreatedAt(), clock.instant()).truncatedTo(ChronoUnit.MILLIS);
            health.withDetail("oldestUnpublishedEventAge", (age.isNegative() ? Duration.ZERO : age).toString());
        }
        try {
            String clusterId = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return health.up().withDetail("kafka", "reachable").withDetail("kafkaClusterId", clusterId).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.down().withDetail("kafka", "unknown (interrupted)").build();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return health.down().withDetail("kafka", "unreachable").withDetail("kafkaError", cause.toString())
                    .build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
