package shop.commerce.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import shop.commerce.order.application.OrderMetrics;

/**
 * A pay-now order whose key another request finished first (in another batch) leaves the order path
 * as a replay: timed as {@code replayed}, neither an error nor a refusal. Here, where a replay can
 * be made.
 */
class IdempotentReplayTimingTest {

    @Test
    void aReplayIsTimedAsReplayedAndPassedOn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IdempotentReplay replay = new IdempotentReplay(
                new StoredResponse("POST", "/api/v1/orders", "digest", null, 201, "application/json", "{}"));

        assertThatThrownBy(() -> new OrderMetrics(registry).timed("place", () -> {
            throw replay;
        })).isSameAs(replay);

        assertThat(registry.get("commerce.order.duration").tag("outcome", "replayed").timer().count()).isEqualTo(1);
        assertThat(registry.find("commerce.order.duration").tag("outcome", "error").timer()).isNull();
        assertThat(registry.find("commerce.orders").tag("outcome", "IDEMPOTENCY_KEY_IN_PROGRESS").counter()).isNull();
    }
}
