package shop.commerce.support.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * The keys of a batch of payments, taken inside the batch's transaction: a key another transaction
 * holds, or one that comes twice, is in progress; one whose outcome was stored meanwhile is replayed.
 */
class IdempotencyClaimsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private IdempotencyClaims claims;

    @Autowired
    private IdempotencyRecordRepository records;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void aKeyHeldElsewhereOrTwiceInTheBatchIsInProgressAndAStoredOneIsReplayed() throws Exception {
        Instant now = clock.instant();
        IdempotencyClaim held = claim(1, "held", now);
        IdempotencyClaim free = claim(1, "free", now);
        IdempotencyClaim stored = claim(2, "stored", now);
        records.save(2, "stored", stored.answer(201, "application/json", "{\"orderId\":\"o-1\"}"), now,
                now.plusSeconds(60));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                            .param("name", held.lockName()).query((rs, n) -> 1).single();
                    locked.countDown();
                    await(release);
                }));
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            List<Optional<RuntimeException>> answers = new TransactionTemplate(transactionManager)
                    .execute(status -> claims.take(List.of(free, held, claim(1, "free", now), stored)));

            assertThat(answers.get(0)).isEmpty();
            assertThat(inProgress(answers.get(1))).isTrue();
            assertThat(inProgress(answers.get(2))).as("the same key twice in one batch").isTrue();
            assertThat(answers.get(3)).containsInstanceOf(IdempotentReplay.class);
            assertThat(((IdempotentReplay) answers.get(3).orElseThrow()).stored().body()).contains("o-1");
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOutcomeStoredInTheBatchsTransactionIsFoundAfterItCommitsAndGoneIfItRollsBack() {
        Instant now = clock.instant();
        IdempotencyClaim kept = claim(3, "kept", now);
        IdempotencyClaim dropped = claim(3, "dropped", now);

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            claims.take(List.of(kept));
            claims.store(claims.prepare(kept, 201, java.util.Map.of("orderId", "o-2")));
        });
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            claims.take(List.of(dropped));
            claims.store(claims.prepare(dropped, 201, java.util.Map.of("orderId", "o-3")));
            status.setRollbackOnly();
        });

        assertThat(records.find(3, "kept", now)).hasValueSatisfying(stored -> {
            assertThat(stored.status()).isEqualTo(201);
            assertThat(stored.body()).isEqualTo("{\"orderId\":\"o-2\"}");
            assertThat(stored.requestDigest()).isEqualTo("digest-kept");
        });
        assertThat(records.find(3, "dropped", now)).isEmpty();
    }

    private static IdempotencyClaim claim(long userId, String key, Instant now) {
        return new IdempotencyClaim(userId, key, "POST", "/api/v1/orders", "digest-" + key, now, now.plusSeconds(60));
    }

    private static boolean inProgress(Optional<RuntimeException> answer) {
        return answer.filter(BusinessException.class::isInstance).map(BusinessException.class::cast)
                .filter(e -> e.errorCode() == CommonErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
