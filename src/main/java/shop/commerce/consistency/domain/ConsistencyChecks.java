package shop.commerce.consistency.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Runs one check against the database; reads only. */
public interface ConsistencyChecks {

    List<Violation> run(ConsistencyCheck check, Scope scope);

    /**
     * @param now the time of the run
     * @param outboxCutoff payments and cancellations older than this are not checked against the outbox,
     *        whose published rows may have been purged
     * @param zone the zone whose calendar days the sales statistics count in
     * @param limit the most violations reported per check
     */
    record Scope(Instant now, Instant outboxCutoff, ZoneId zone, int limit) {
    }
}
