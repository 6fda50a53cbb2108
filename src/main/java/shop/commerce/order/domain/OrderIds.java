package shop.commerce.order.domain;

import java.time.Instant;

import shop.commerce.support.id.RandomIds;

/** Order ids: time-ordered UUIDs (version 7) as strings, unique on any instance. */
public final class OrderIds {

    private OrderIds() {
    }

    public static String next(Instant now) {
        return RandomIds.timeOrderedUuid(now).toString();
    }
}
