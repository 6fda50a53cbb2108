package shop.commerce.dataplatform.domain;

import java.time.Duration;

/**
 * How long the relay waits before its next batch: no wait while a full batch suggests more is
 * waiting, the polling interval when the outbox is drained, and a doubling delay up to a maximum
 * after consecutive failures (Kafka or the database away), reset by the next success.
 * Used by one thread.
 */
public final class RelayBackoff {

    private final Duration interval;
    private final Duration maximum;
    private int consecutiveFailures;

    public RelayBackoff(Duration interval, Duration maximum) {
        this.interval = interval;
        this.maximum = maximum.compareTo(interval) < 0 ? interval : maximum;
    }

    public Duration afterSuccess(boolean moreWaiting) {
        consecutiveFailures = 0;
        return moreWaiting ? Duration.ZERO : interval;
    }

    public Duration afterFailure() {
        consecutiveFailures++;
        Duration delay = interval;
        for (int i = 0; i < consecutiveFailures && delay.compareTo(maximum) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maximum) < 0 ? delay : maximum;
    }
}
