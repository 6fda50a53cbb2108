package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import shop.commerce.dataplatform.domain.RelayBackoff;

class OutboxRelayBackoffTest {

    private final RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));

    @Test
    void keepsGoingWhileBatchesComeBackFullAndPollsAtTheIntervalOtherwise() {
        assertThat(backoff.afterSuccess(true)).isZero();
        assertThat(backoff.afterSuccess(false)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 100; i++) {
            backoff.afterFailure();
        }
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSuccessEndsTheBackoff() {
        backoff.afterFailure();
        backoff.afterFailure();

        assertThat(backoff.afterSuccess(false)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofMillis(400));
    }
}
