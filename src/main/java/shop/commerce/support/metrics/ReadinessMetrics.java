package shop.commerce.support.metrics;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code commerce_instance_ready}: 1 while the instance would pass its readiness probe (accepting
 * traffic and its database answering, the same two things the readiness group follows), else 0. The
 * database is asked at most every few seconds.
 */
@Component
class ReadinessMetrics implements MeterBinder {

    private final ApplicationAvailability availability;
    private final CachedReading<Boolean> database;

    ReadinessMetrics(ApplicationAvailability availability, JdbcClient jdbc) {
        this.availability = availability;
        this.database = new CachedReading<>("database answers",
                () -> jdbc.sql("select true").query(Boolean.class).single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("commerce.instance.ready", this, ReadinessMetrics::ready)
                .description("1 while the instance is ready for traffic (readiness state and database), else 0")
                .register(registry);
    }

    private double ready() {
        boolean accepting = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return accepting && Boolean.TRUE.equals(database.get()) ? 1 : 0;
    }
}
