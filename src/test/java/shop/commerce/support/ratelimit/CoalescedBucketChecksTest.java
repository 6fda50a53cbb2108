package shop.commerce.support.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import shop.commerce.support.ratelimit.CoalescedBucketChecks.Answer;
import shop.commerce.support.ratelimit.CoalescedBucketChecks.Check;

class CoalescedBucketChecksTest {

    private final List<List<Check>> calls = new ArrayList<>();
    private final List<CompletableFuture<List<Answer>>> replies = new ArrayList<>();
    private final CoalescedBucketChecks checks = new CoalescedBucketChecks(batch -> {
        calls.add(batch);
        CompletableFuture<List<Answer>> reply = new CompletableFuture<>();
        replies.add(reply);
        return reply;
    });

    @Test
    void aLoneCheckGoesAtOnceAndThoseArrivingMeanwhileShareTheNextCall() {
        CompletableFuture<Answer> first = checks.take(check("rate:orders:1"));
        CompletableFuture<Answer> second = checks.take(check("rate:orders:2"));
        CompletableFuture<Answer> third = checks.take(check("rate:orders:2"));

        assertThat(calls).hasSize(1);
        replies.get(0).complete(List.of(new Answer(true, 0)));

        assertThat(first).isCompletedWithValue(new Answer(true, 0));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).extracting(Check::key).containsExactly("rate:orders:2", "rate:orders:2");
        replies.get(1).complete(List.of(new Answer(true, 0), new Answer(false, 50)));
        assertThat(second).isCompletedWithValue(new Answer(true, 0));
        assertThat(third).isCompletedWithValue(new Answer(false, 50));
    }

    @Test
    void aFailedCallFailsEveryCheckInItAndTheNextCallStillGoes() {
        CompletableFuture<Answer> first = checks.take(check("rate:orders:1"));
        replies.get(0).completeExceptionally(new IllegalStateException("Redis is gone"));

        assertThatThrownBy(first::join).hasCauseInstanceOf(IllegalStateException.class);
        CompletableFuture<Answer> next = checks.take(check("rate:orders:1"));
        assertThat(calls).hasSize(2);
        replies.get(1).complete(List.of(new Answer(true, 0)));
        assertThat(next.join()).isEqualTo(new Answer(true, 0));
    }

    @Test
    void aCallThatThrowsAtOnceFailsItsChecksWithoutBlockingTheNext() {
        CoalescedBucketChecks throwing = new CoalescedBucketChecks(batch -> {
            throw new IllegalStateException("not connected");
        });

        CompletableFuture<Answer> first = throwing.take(check("rate:orders:1"));
        CompletableFuture<Answer> second = throwing.take(check("rate:orders:1"));

        assertThatThrownBy(first::join).hasRootCauseMessage("not connected");
        assertThatThrownBy(second::join).hasRootCauseMessage("not connected");
    }

    @Test
    void aBatchCarriesAtMostItsLimit() {
        checks.take(check("rate:orders:0"));
        for (int i = 0; i < CoalescedBucketChecks.MAX_BATCH + 10; i++) {
            checks.take(check("rate:orders:" + i));
        }
        replies.get(0).complete(List.of(new Answer(true, 0)));

        assertThat(calls.get(1)).hasSize(CoalescedBucketChecks.MAX_BATCH);
    }

    private static Check check(String key) {
        return new Check(key, 20, 100);
    }
}
