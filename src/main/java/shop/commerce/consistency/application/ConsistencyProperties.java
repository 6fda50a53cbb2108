package shop.commerce.consistency.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.consistency.*}: the reconciliation runs every {@code interval} (on one instance at a
 * time, the first {@code initial-delay} after start) and reports at most {@code max-violations-per-check}
 * violations of each check.
 */
@ConfigurationProperties("commerce.consistency")
public record ConsistencyProperties(@DefaultValue("10m") Duration interval, @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("100") int maxViolationsPerCheck) {
}
