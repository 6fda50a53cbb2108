package shop.commerce.order.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Order ids: UUID version 7 (48 bits of Unix milliseconds, then 74 random bits), unique on any
 * instance without a central sequence, and time-ordered so new ids land at the end of the index.
 * Written here because the JDK has no version-7 generator and it takes a dozen lines.
 */
public final class OrderIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    public static String next(Instant now) {
        long millis = now.toEpochMilli();
        long randomA = RANDOM.nextInt(1 << 12);
        long randomB = RANDOM.nextLong();
        long mostSignificant = (millis << 16) | (0x7L << 12) | randomA;
        long leastSignificant = (randomB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
