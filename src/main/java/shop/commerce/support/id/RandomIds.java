package shop.commerce.support.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * The service's one source of random ids: request ids, order ids, event ids, claim ids.
 * <p>
 * {@link UUID#randomUUID()} and a shared {@link SecureRandom} serialize every caller on one lock,
 * which shows under load; here each thread has its own generator, seeded by the operating system,
 * so threads never wait for each other and the ids stay unpredictable.
 */
public final class RandomIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private RandomIds() {
    }

    /** A version-4 (random) UUID. */
    public static UUID uuid() {
        SecureRandom random = RANDOM.get();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /**
     * A version-7 UUID: 48 bits of Unix milliseconds, then 74 random bits, so ids made on any
     * instance are unique without a central sequence and new ones land at the end of an index.
     * The JDK 17 has no version-7 generator.
     */
    public static UUID timeOrderedUuid(Instant now) {
        SecureRandom random = RANDOM.get();
        long mostSignificant = (now.toEpochMilli() << 16) | 0x7000L | random.nextInt(1 << 12);
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
