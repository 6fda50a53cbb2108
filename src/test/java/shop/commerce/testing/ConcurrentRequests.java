package shop.commerce.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fires many HTTP requests at once: every thread is built and waiting on one latch before the
 * first request leaves, so they really race.
 */
public final class ConcurrentRequests {

    private static final int MAX_THREADS = 200;

    private ConcurrentRequests() {
    }

    public record Call(String method, String url, String token, String body, String idempotencyKey) {

        public static Call post(String url, String token, String body) {
            return new Call("POST", url, token, body, null);
        }

        public Call withIdempotencyKey(String key) {
            return new Call(method, url, token, body, key);
        }
    }

    public record Result(int status, String body) {
    }

    public static List<Result> run(int count, IntFunction<Call> calls) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        int threadCount = Math.min(count, MAX_THREADS);
        // one count per thread, not per call: with more calls than threads, the calls beyond the
        // first batch are queued and would never start to count down
        CountDownLatch ready = new CountDownLatch(threadCount);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Call call = calls.apply(i);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()));
                if (call.token() != null) {
                    request.header("Authorization", "Bearer " + call.token());
                }
                if (call.idempotencyKey() != null) {
                    request.header("Idempotency-Key", call.idempotencyKey());
                }
                HttpRequest built = request.build();
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                    return new Result(response.statusCode(), response.body());
                }));
            }
            ready.await();
            go.countDown();
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
