package shop.commerce.consistency.domain;

import java.time.Instant;
import java.util.List;

/** The result of one consistency run: when, which checks ran, and what they found. */
public record CheckRun(Instant checkedAt, List<ConsistencyCheck> checks, List<Violation> violations) {

    public CheckRun {
        checks = List.copyOf(checks);
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return violations.isEmpty();
    }
}
