package shop.commerce.support.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Takes tokens from Redis buckets for many requests at once: while one script call is on its way,
 * the checks that arrive queue up and leave together in the next call. A lone request waits for
 * nothing (its call goes at once); under load the calls carry many buckets each, so the rate limit
 * costs one round trip per batch instead of one per request, and each request still takes its own
 * token from the one bucket all instances share (docs/api.md, Rate limits). One call is in flight
 * at a time: the queue is what the batch is made of.
 */
final class CoalescedBucketChecks {

    /** What one request asks: a token from this bucket. */
    record Check(String key, int perSecond, int burst) {
    }

    /** Whether the token was taken, and if not, how long until the bucket has one. */
    record Answer(boolean allowed, long waitMillis) {
    }

    /** At most this many checks in one script call (its keys and arguments). */
    static final int MAX_BATCH = 256;

    private final Function<List<Check>, CompletionStage<List<Answer>>> script;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean calling = new AtomicBoolean();

    CoalescedBucketChecks(Function<List<Check>, CompletionStage<List<Answer>>> script) {
        this.script = script;
    }

    /** Completes with the answer, or exceptionally with the script call's failure. */
    CompletableFuture<Answer> take(Check check) {
        Waiting waiting = new Waiting(check, new CompletableFuture<>());
        queue.add(waiting);
        callUnlessCalling();
        return waiting.answer;
    }

    /**
     * Sends the queued checks unless a call is already out; the call's completion sends what queued
     * up meanwhile. A check queued while a call was out is seen by that call's completion, which
     * clears the flag before it looks at the queue.
     */
    private void callUnlessCalling() {
        while (!queue.isEmpty() && calling.compareAndSet(false, true)) {
            List<Waiting> batch = new ArrayList<>();
            for (Waiting next; batch.size() < MAX_BATCH && (next = queue.poll()) != null;) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                calling.set(false);
                continue;
            }
            CompletionStage<List<Answer>> call;
            try {
                call = script.apply(batch.stream().map(Waiting::check).toList());
            } catch (RuntimeException failure) {
                call = CompletableFuture.failedFuture(failure);
            }
            call.whenComplete((answers, failed) -> {
                calling.set(false);
                Throwable failure = failed instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failed;
                for (int i = 0; i < batch.size(); i++) {
                    if (failure != null) {
                        batch.get(i).answer.completeExceptionally(failure);
                    } else {
                        batch.get(i).answer.complete(answers.get(i));
                    }
                }
                callUnlessCalling();
            });
            return;
        }
    }

    private record Waiting(Check check, CompletableFuture<Answer> answer) {
    }
}
