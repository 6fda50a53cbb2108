package shop.commerce.dataplatform.infrastructure;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import shop.commerce.dataplatform.domain.OutboxRepository;
import shop.commerce.dataplatform.domain.OutboxRepository.Backlog;
import shop.commerce.support.metrics.CachedReading;

/**
 * The outbox backlog as gauges, read at most every few seconds with the relay's own partial index on
 * unpublished rows: {@code commerce_outbox_unpublished_events} and
 * {@code commerce_outbox_oldest_unpublished_age_seconds} (0 when nothing waits). Every instance
 * reports the same table; alert on the maximum.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final CachedReading<Backlog> backlog;
    private final Clock clock;

    OutboxMetrics(OutboxRepository outbox, Clock clock) {
        this.backlog = new CachedReading<>("outbox backlog", outbox::backlog);
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("commerce.outbox.unpublished.events", backlog, backlog.gauge(Backlog::unpublished))
                .description("Outbox events not yet published to Kafka")
                .register(registry);
        Gauge.builder("commerce.outbox.oldest.unpublished.age", backlog, backlog.gauge(this::oldestAgeSeconds))
                .description("Age of the oldest outbox event not yet published (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestAgeSeconds(Backlog current) {
        if (current.oldestCreatedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(current.oldestCreatedAt(), clock.instant()).toMillis() / 1000.0);
    }
}
