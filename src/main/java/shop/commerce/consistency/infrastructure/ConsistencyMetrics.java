package shop.commerce.consistency.infrastructure;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import shop.commerce.consistency.domain.CheckRun;
import shop.commerce.consistency.domain.CheckRunRepository;
import shop.commerce.consistency.domain.ConsistencyCheck;
import shop.commerce.support.metrics.CachedReading;

/**
 * The last recorded run, by whichever instance ran it: {@code commerce_consistency_violations{check}}
 * and {@code commerce_consistency_last_run_timestamp_seconds} (NaN until the first run).
 */
@Component
class ConsistencyMetrics implements MeterBinder {

    private final CachedReading<Optional<CheckRun>> latest;

    ConsistencyMetrics(CheckRunRepository runs) {
        this.latest = new CachedReading<>("consistency latest run", runs::latest);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ConsistencyCheck check : ConsistencyCheck.values()) {
            Gauge.builder("commerce.consistency.violations", latest, latest.gauge(run -> run
                    .map(r -> (double) r.violations().stream().filter(v -> v.check() == check).count())
                    .orElse(Double.NaN)))
                    .description("Violations the last consistency run found, by check")
                    .tag("check", check.name())
                    .register(registry);
        }
        Gauge.builder("commerce.consistency.last.run.timestamp", latest, latest.gauge(run -> run
                .map(r -> r.checkedAt().toEpochMilli() / 1000.0).orElse(Double.NaN)))
                .description("When the last consistency run was recorded, seconds since the epoch")
                .baseUnit("seconds")
                .register(registry);
    }
}
