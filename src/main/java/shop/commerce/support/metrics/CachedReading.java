package shop.commerce.support.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for gauges, kept for a few seconds so that scrapes by several
 * Prometheus servers (and every gauge built on the same reading) cost at most one query per
 * {@code ttl}. A failed read is remembered as absent for the same time: its gauges show NaN.
 */
public final class CachedReading<T> {

    /** How long a reading is kept: scrapes come every 15 s or so, queries at most this often. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String name;
    private final Supplier<T> source;
    private final long ttlNanos;
    private T value;
    private long readAt;
    private boolean read;

    public CachedReading(String name, Supplier<T> source, Duration ttl) {
        this.name = name;
        this.source = source;
        this.ttlNanos = ttl.toNanos();
    }

    public CachedReading(String name, Supplier<T> source) {
        this(name, source, DEFAULT_TTL);
    }

    /** The last reading, refreshed when older than the ttl; null when the read failed. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= ttlNanos) {
            try {
                value = source.get();
            } catch (RuntimeException e) {
                log.debug("Metric reading {} failed: {}", name, e.toString());
                value = null;
            }
            readAt = now;
            read = true;
        }
        return value;
    }

    /** A gauge function of this reading: NaN while the reading is absent. */
    public ToDoubleFunction<CachedReading<T>> gauge(ToDoubleFunction<T> of) {
        return reading -> {
            T current = reading.get();
            return current == null ? Double.NaN : of.applyAsDouble(current);
        };
    }
}
