package shop.commerce.dataplatform.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table, as the relay sees it: each method is one statement in its own short transaction,
 * so no connection is held between them. Events are written by the order capability, in the
 * statement that pays or cancels (see {@code shop.commerce.dataplatform.DataPlatformFeed}).
 */
public interface OutboxRepository {

    /**
     * Claims up to {@code limit} unpublished events, in id order, until {@code leaseUntil}: events
     * unclaimed or whose lease has lapsed by {@code now}, locked by no other relay, and with no older
     * unpublished event of the same order (so one batch holds at most one event per order).
     */
    List<OutboxEvent> claim(Instant now, Instant leaseUntil, int limit);

    /** Marks the events published and ends their claim; returns how many rows changed. */
    int markPublished(Collection<UUID> eventIds, Instant publishedAt);

    Backlog backlog();

    /** Deletes up to {@code limit} events published before {@code cutoff}; returns how many. */
    int deletePublishedBefore(Instant cutoff, int limit);

    /** The unpublished events: how many, and when the oldest was recorded (null when none). */
    record Backlog(long unpublished, Instant oldestCreatedAt) {
    }
}
