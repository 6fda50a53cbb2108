package shop.commerce.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of one Server-Sent Events stream, as a browser's {@code EventSource} reads it: events
 * arrive on the HTTP client's threads into a queue, so a test can hold many streams open without a
 * thread each.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Event(String name, String data) {

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse.ResponseInfo> response = new CompletableFuture<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    private EventStreamClient() {
    }

    /** Opens the stream at {@code url} with {@code Accept: text/event-stream}; waits for the response's head. */
    public static EventStreamClient open(HttpClient http, String url) {
        EventStreamClient client = new EventStreamClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET()
                .build();
        http.sendAsync(request, info -> {
            client.response.complete(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
        }).exceptionally(failure -> {
            client.response.completeExceptionally(failure);
            return null;
        });
        client.response.orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    public int status() {
        return response.join().statusCode();
    }

    public String contentType() {
        return response.join().headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, waiting at most {@code timeout}; fails when none came. */
    public Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when no event is waiting: nothing was sent since the last one taken. */
    public boolean hasNoEventWaiting() {
        return events.isEmpty();
    }

    /** Skips events until one matches, waiting at most {@code timeout} in all. */
    public Event awaitEvent(Predicate<Event> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Hangs up, as a browser does when the page closes. */
    @Override
    public void close() {
        subscription.thenAccept(Flow.Subscription::cancel);
    }

    /** Parses the stream's lines into events: {@code event:} and {@code data:} lines up to a blank line. */
    private final class Lines implements Flow.Subscriber<String> {

        private String name = "message";
        private StringBuilder data;

        @Override
        public void onSubscribe(Flow.Subscription subscribed) {
            subscription.complete(subscribed);
            subscribed.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data = null;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onComplete() {
        }
    }
}
