package shop.commerce.consistency.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.consistency.domain.CheckRun;
import shop.commerce.consistency.domain.CheckRunRepository;
import shop.commerce.consistency.domain.ConsistencyCheck;
import shop.commerce.consistency.domain.ConsistencyChecks;
import shop.commerce.consistency.domain.Violation;
import shop.commerce.support.persistence.AdvisoryLocks;
import shop.commerce.support.time.ZoneProperties;

/**
 * Runs every check in one repeatable-read transaction, so all of them see the same snapshot and a
 * business transaction committing meanwhile is seen whole or not at all, then records the run. The
 * schedule runs on every instance; an advisory lock lets one at a time through, and a run is skipped
 * when another instance recorded one less than half an interval ago. Each violation is logged at
 * ERROR once, when a run first finds it; it never changes the data it reads.
 */
@Service
public class ConsistencyCheckService implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheckService.class);
    /** Clocks of the instance that purges and of this one may differ a little. */
    private static final Duration OUTBOX_WINDOW_MARGIN = Duration.ofMinutes(5);

    private final ConsistencyChecks checks;
    private final CheckRunRepository runs;
    private final AdvisoryLocks locks;
    private final TransactionTemplate snapshot;
    private final ConsistencyProperties properties;
    private final Duration outboxRetention;
    private final ZoneProperties zone;
    private final Clock clock;

    ConsistencyCheckService(ConsistencyChecks checks, CheckRunRepository runs, AdvisoryLocks locks,
            PlatformTransactionManager transactionManager, ConsistencyProperties properties,
            // the data platform's setting and default (7d): the outbox keeps published rows that long
            @Value("${commerce.data-platform.retention:7d}") Duration outboxRetention, ZoneProperties zone,
            Clock clock) {
        this.checks = checks;
        this.runs = runs;
        this.locks = locks;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.properties = properties;
        this.outboxRetention = outboxRetention;
        this.zone = zone;
        this.clock = clock;
    }

    /** Runs every check now and records the result. */
    public CheckRun runNow() {
        return snapshot.execute(status -> runAndRecord());
    }

    /** The last recorded run, by any instance. */
    public Optional<CheckRun> latest() {
        return runs.latest();
    }

    void scheduled() {
        try {
            snapshot.executeWithoutResult(status -> {
                if (!locks.tryLock("consistency-check")) {
                    return;
                }
                Optional<CheckRun> last = runs.latest();
                Instant halfAnIntervalAgo = clock.instant().minus(properties.interval().dividedBy(2));
                if (last.isEmpty() || last.get().checkedAt().isBefore(halfAnIntervalAgo)) {
                    runAndRecord();
                }
            });
        } catch (RuntimeException e) {
            log.warn("Consistency check did not run: {}", e.toString());
        }
    }

    private CheckRun runAndRecord() {
        Instant now = clock.instant();
        ConsistencyChecks.Scope scope = new ConsistencyChecks.Scope(now,
                now.minus(outboxRetention).plus(OUTBOX_WINDOW_MARGIN), zone.zone(), properties.maxViolationsPerCheck());
        List<Violation> violations = new ArrayList<>();
        List<ConsistencyCheck> ran = List.of(ConsistencyCheck.values());
        for (ConsistencyCheck check : ran) {
            violations.addAll(checks.run(check, scope));
        }
        CheckRun run = new CheckRun(now, ran, violations);
        Optional<CheckRun> previous = runs.latest();
        runs.save(run);
        report(run, previous);
        return run;
    }

    private static void report(CheckRun run, Optional<CheckRun> previous) {
        Set<Violation> known = new HashSet<>(previous.map(CheckRun::violations).orElse(List.of()));
        int stillPresent = 0;
        for (Violation violation : run.violations()) {
            if (known.contains(violation)) {
                stillPresent++;
            } else {
                log.error("Consistency violation {}: {}: {}", violation.check(), violation.subject(), violation.detail());
            }
        }
        if (stillPresent > 0) {
            log.warn("Consistency check: {} violations found before are still present", stillPresent);
        } else if (run.clean()) {
            log.info("Consistency check: clean ({} checks)", run.checks().size());
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduled, properties.interval(), properties.initialDelay()));
    }
}
