package shop.commerce.testing;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Edge-case values drawn from one seeded {@link Random}: the same seed draws the same values, so a
 * generated test that fails names its seed and reruns exactly.
 */
public final class SeededValues {

    private final long seed;
    private final Random random;

    public SeededValues(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    public boolean coin() {
        return random.nextBoolean();
    }

    public long anyLong() {
        return random.nextLong();
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A value from one of the sources, each source as likely as any other. */
    @SafeVarargs
    public final <T> T fromOneOf(Supplier<? extends T>... sources) {
        return sources[random.nextInt(sources.length)].get();
    }

    /** Between {@code from} (inclusive) and {@code to} (exclusive), both past {@code long} if need be. */
    public BigInteger bigIntegerBetween(BigInteger from, BigInteger to) {
        BigInteger span = to.subtract(from);
        BigInteger offset;
        do {
            offset = new BigInteger(span.bitLength(), random);
        } while (offset.compareTo(span) >= 0);
        return from.add(offset);
    }

    /** Any UTF-16 text: letters, controls, surrogates (paired or not), private use, up to {@code maxLength}. */
    public String anyString(int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) (' ' + random.nextInt(95));
                case 1 -> (char) random.nextInt(0x20);
                case 2 -> (char) (0xa0 + random.nextInt(0x3000));
                default -> (char) random.nextInt(Character.MAX_VALUE + 1);
            });
        }
        return text.toString();
    }

    public String controlString(int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(0x20));
        }
        return text.toString();
    }

    public String letters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char base = random.nextBoolean() ? 'a' : 'A';
            text.append((char) (base + random.nextInt(26)));
        }
        return text.toString();
    }
}
