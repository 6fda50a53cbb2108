package shop.commerce.coupon.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** When a coupon may be issued: from {@code startsAt} (inclusive) until {@code endsAt} (exclusive); null is open. */
public record IssueWindow(Instant startsAt, Instant endsAt) {

    public static final IssueWindow ALWAYS = new IssueWindow(null, null);

    public IssueWindow {
        // the database keeps microseconds; so does every comparison made with these bounds
        startsAt = startsAt == null ? null : startsAt.truncatedTo(ChronoUnit.MICROS);
        endsAt = endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.MICROS);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("The issuing window must end after it starts");
        }
    }

    public boolean isOpenAt(Instant now) {
        return (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }
}
