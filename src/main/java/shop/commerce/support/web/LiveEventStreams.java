package shop.commerce.support.web;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams of values that many clients watch, fed by one poller per instance:
 * every {@link #poll} reads each watched key once, in one call of {@code readAll}, however many
 * streams watch it, and sends the value to a stream only when it differs from the last one that
 * stream was sent. An open stream holds no request thread ({@link SseEmitter} is asynchronous); a stream that
 * cannot be written to is dropped, and a silent one gets a comment line every {@code heartbeat}
 * so that a client that went away is noticed.
 *
 * <p>A capability's streams are a bean extending this class: it polls on the task scheduler every
 * {@code commerce.events.poll-interval} and ends its streams when the application stops, before the
 * web server's graceful shutdown would wait for them.
 *
 * @param <K> what a stream watches (a product id, a coupon id)
 * @param <V> the value sent, compared with {@link Object#equals} to find a change
 */
public abstract class LiveEventStreams<K, V> implements SchedulingConfigurer, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventStreams.class);

    private final String eventName;
    private final Function<Set<K>, Map<K, V>> readAll;
    private final EventStreamProperties properties;
    /** For each watched key, its open streams and the value each was last sent. */
    private final Map<K, Map<SseEmitter, V>> watches = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile long lastHeartbeatNanos = System.nanoTime();

    /**
     * @param eventName the SSE event name of every value sent
     * @param readAll reads the current values of the given keys; a key it leaves out keeps its streams
     *        open and unchanged
     */
    protected LiveEventStreams(String eventName, Function<Set<K>, Map<K, V>> readAll, EventStreamProperties properties) {
        this.eventName = eventName;
        this.readAll = readAll;
        this.properties = properties;
    }

    /**
     * A new stream watching {@code key}, whose first event, {@code current}, is sent at once; for a
     * {@code HEAD}, which answers as a {@code GET} without a body, an empty stream that ends at once.
     */
    public SseEmitter open(K key, V current, HttpMethod method) {
        if (HttpMethod.HEAD.equals(method)) {
            SseEmitter ended = new SseEmitter();
            ended.complete();
            return ended;
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Runnable leave = () -> leave(key, emitter);
        emitter.onCompletion(leave);
        emitter.onError(failure -> leave.run());
        emitter.onTimeout(() -> {
            leave.run();
            emitter.complete();
        });
        if (send(emitter, current)) {
            watches.compute(key, (k, streams) -> {
                Map<SseEmitter, V> joined = streams != null ? streams : new ConcurrentHashMap<>();
                joined.put(emitter, current);
                return joined;
            });
        }
        return emitter;
    }

    /** Reads every watched key once and sends each changed value to the streams that watch it. */
    public void poll() {
        boolean heartbeatDue = System.nanoTime() - lastHeartbeatNanos >= properties.heartbeat().toNanos();
        if (watches.isEmpty()) {
            return;
        }
        Map<K, V> current;
        try {
            current = readAll.apply(Set.copyOf(watches.keySet()));
        } catch (RuntimeException failure) {
            log.warn("Could not read the values of the {} streams; trying again at the next poll", eventName, failure);
            return;
        }
        current.forEach((key, value) -> {
            Map<SseEmitter, V> streams = watches.get(key);
            if (streams != null) {
                streams.forEach((emitter, sent) -> {
                    if (!sent.equals(value)) {
                        if (send(emitter, value)) {
                            streams.replace(emitter, sent, value);
                        } else {
                            leave(key, emitter);
                        }
                    }
                });
            }
        });
        if (heartbeatDue) {
            lastHeartbeatNanos = System.nanoTime();
            watches.forEach((key, streams) -> streams.keySet().forEach(emitter -> {
                if (!heartbeat(emitter)) {
                    leave(key, emitter);
                }
            }));
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::poll, properties.pollInterval(), properties.pollInterval()));
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return watches.values().stream().mapToInt(Map::size).sum();
    }

    /** Ends every stream, so that a shutdown does not wait for clients that would never hang up. */
    private void closeAll() {
        watches.values().forEach(streams -> streams.keySet().forEach(SseEmitter::complete));
        watches.clear();
    }

    private void leave(K key, SseEmitter emitter) {
        watches.computeIfPresent(key, (k, streams) -> {
            streams.remove(emitter);
            return streams.isEmpty() ? null : streams;
        });
    }

    private boolean send(SseEmitter emitter, V value) {
        try {
            emitter.send(SseEmitter.event().name(eventName).data(value, MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    private static boolean heartbeat(SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment(""));
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }
}
