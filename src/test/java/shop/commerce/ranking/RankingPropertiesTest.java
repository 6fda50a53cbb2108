package shop.commerce.ranking;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import shop.commerce.ranking.application.RankingProperties;

class RankingPropertiesTest {

    @Test
    void refusesAggregationAndCachingSlowerThanTheAllowedStaleness() {
        assertThatThrownBy(() -> new RankingProperties(Duration.ofSeconds(60), Duration.ofSeconds(50),
                Duration.ofSeconds(20))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-staleness");
        assertThatCode(() -> new RankingProperties(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(10))).doesNotThrowAnyException();
    }
}
