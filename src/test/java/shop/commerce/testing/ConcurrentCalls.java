package shop.commerce.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs many calls into the application at once, one thread each, all released by one latch, and
 * collects what each returned or threw: {@link ConcurrentRequests} without HTTP, for module tests.
 */
public final class ConcurrentCalls {

    private static final int MAX_THREADS = 200;

    private ConcurrentCalls() {
    }

    @FunctionalInterface
    public interface Call<T> {
        T run(int index) throws Exception;
    }

    /** What one call returned, or what it threw. */
    public record Outcome<T>(T value, Throwable failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Runs {@code count} calls; the first {@value #MAX_THREADS} (or all, when fewer) are all waiting
     * before the first one starts, and the others follow as threads free up.
     */
    public static <T> List<Outcome<T>> race(int count, Call<T> call) throws InterruptedException {
        int threads = Math.min(count, MAX_THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    if (index < threads) {
                        ready.countDown();
                    }
                    go.await();
                    return call.run(index);
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The failures of {@code outcomes}, for asserting there were none. */
    public static List<Throwable> failures(List<? extends Outcome<?>> outcomes) {
        return outcomes.stream().filter(outcome -> !outcome.succeeded()).map(Outcome::failure).toList();
    }
}
