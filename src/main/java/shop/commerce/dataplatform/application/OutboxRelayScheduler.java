package shop.commerce.dataplatform.application;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.dataplatform.domain.RelayBackoff;

/**
 * Runs the relay on every instance, on a thread of its own so a slow or absent Kafka never delays
 * the application's other scheduled jobs: rounds follow each other at once while full batches come
 * back, every {@code relay-interval} when the outbox is drained, and with a growing backoff (up to
 * {@code max-backoff}) while rounds fail, so publishing resumes by itself when Kafka returns.
 * It starts before the web server and stops after it, so events of the last requests still go out.
 * Counts {@code commerce_outbox_published_events_total} and {@code commerce_outbox_relay_failures_total}
 * (rounds that failed, in whole or in part).
 */
@Component
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final OutboxRelay relay;
    private final DataPlatformProperties properties;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService executor;
    private final Counter published;
    private final Counter failures;
    private RelayBackoff backoff;

    public OutboxRelayScheduler(OutboxRelay relay, DataPlatformProperties properties, MeterRegistry registry) {
        this.relay = relay;
        this.properties = properties;
        this.published = Counter.builder("commerce.outbox.published.events")
                .description("Outbox events Kafka acknowledged").register(registry);
        this.failures = Counter.builder("commerce.outbox.relay.failures")
                .description("Relay rounds that failed in whole or in part (Kafka or the database)")
                .register(registry);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (executor != null) {
                return;
            }
            backoff = new RelayBackoff(properties.relayInterval(), properties.maxBackoff());
            ScheduledThreadPoolExecutor relayThread = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "data-platform-relay");
                thread.setDaemon(true);
                return thread;
            });
            // stopping lets a round in progress finish but cancels the next one
            relayThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor = relayThread;
            schedule(executor, properties.relayInterval());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (lifecycle) {
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return executor != null;
        }
    }

    @Override
    public int getPhase() {
        // below the web server's phases: started before it, stopped after it has drained its requests
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void round(ScheduledExecutorService current) {
        Duration next = null;
        try {
            RelayOutcome outcome = relay.relayBatch();
            published.increment(outcome.published());
            if (outcome.failed()) {
                failures.increment();
                next = backoff.afterFailure();
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(outcome.failure());
                log.warn("Data-platform relay: {} of {} events published, retrying in {}: {}", outcome.published(),
                        outcome.claimed(), next, cause.toString());
            } else {
                next = backoff.afterSuccess(outcome.claimed() == properties.batchSize());
            }
        } catch (RuntimeException e) {
            failures.increment();
            next = backoff.afterFailure();
            log.warn("Data-platform relay round failed, retrying in {}: {}", next, e.toString());
        } finally {
            // whatever happened, the relay keeps going
            schedule(current, next != null ? next : backoff.afterFailure());
        }
    }

    private void schedule(ScheduledExecutorService current, Duration delay) {
        synchronized (lifecycle) {
            if (current == executor && !current.isShutdown()) {
                current.schedule(() -> round(current), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
