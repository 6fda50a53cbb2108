package shop.commerce.support.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.events.*}: the live event streams (docs/api.md, the {@code /events} paths).
 *
 * @param pollInterval how often an instance reads what its open streams watch, once per watched
 *        product or coupon whatever the number of streams watching it
 * @param streamTimeout how long one stream stays open; the browser's {@code EventSource} then
 *        reconnects by itself
 * @param heartbeat how long a stream may stay silent before a comment line is sent on it, so a
 *        client that went away is noticed and dropped
 */
@ConfigurationProperties("commerce.events")
public record EventStreamProperties(@DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30m") Duration streamTimeout, @DefaultValue("15s") Duration heartbeat) {

    public EventStreamProperties {
        for (Duration duration : new Duration[] { pollInterval, streamTimeout, heartbeat }) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("commerce.events.* durations must be positive");
            }
        }
    }
}
