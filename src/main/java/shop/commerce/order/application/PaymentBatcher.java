package shop.commerce.order.application;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderRepository.PayNow;
import shop.commerce.order.domain.PaymentOutcome;
import shop.commerce.support.idempotency.IdempotencyClaims;
import shop.commerce.support.idempotency.PreparedAnswer;
import shop.commerce.support.persistence.SentChanges;

/**
 * Group commit for pay-now orders. An order that arrives while every lane (a statement in flight)
 * is busy waits in the queue, and the next free lane pays everything waiting, up to
 * {@code commerce.order.payment-batch-size} orders, in one statement
 * ({@link OrderRepository#placePaidTogether}). There is no timer: an order that finds a lane free
 * is paid at once, alone, by the statement a single order always used. The thread that frees a lane
 * takes the next batch itself, so no thread of its own is needed.
 * <p>
 * Keyed orders ({@code Idempotency-Key}) are paid in a transaction that takes their keys' marks
 * first and stores each paid order's response before it commits, so a retry sees either the key in
 * progress or the stored answer, on any instance.
 */
@Component
class PaymentBatcher {

    private final OrderRepository orders;
    private final IdempotencyClaims claims;
    private final OrderMetrics metrics;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Semaphore lanes;
    private final Queue<Submitted> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock laneLock = new ReentrantLock();
    private final Condition laneFreed = laneLock.newCondition();

    PaymentBatcher(OrderRepository orders, IdempotencyClaims claims, OrderMetrics metrics,
            PlatformTransactionManager transactionManager, OrderProperties properties) {
        this.orders = orders;
        this.claims = claims;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = properties.paymentBatchSize();
        this.lanes = new Semaphore(properties.paymentBatchLanes());
    }

    /** Pays {@code payment}, alone or with others; answers what {@link OrderRepository#placePaid} would. */
    PaymentOutcome pay(PayNow payment, Optional<IdempotentOrder> idempotent) {
        // the answer a keyed order stores once paid is rendered here, on its own thread, not in the batch
        PreparedAnswer answer = idempotent.map(i -> claims.prepare(i.claim(), i.status(),
                i.body().apply(payment.order()))).orElse(null);
        Submitted submitted = new Submitted(payment, answer, new CompletableFuture<>());
        waiting.add(submitted);
        while (!submitted.outcome().isDone()) {
            if (lanes.tryAcquire()) {
                try {
                    payWaiting();
                } finally {
                    lanes.release();
                    signalLaneFreed();
                }
            } else {
                awaitLaneOrOutcome(submitted);
            }
        }
        return outcomeOf(submitted);
    }

    private void payWaiting() {
        List<Submitted> batch = new ArrayList<>(batchSize);
        for (Submitted next; batch.size() < batchSize && (next = waiting.poll()) != null;) {
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            // each order's own request thread counts its change as sent, in outcomeOf
            SentChanges.onBehalfOfOthers(() -> pay(batch));
        }
    }

    private void pay(List<Submitted> batch) {
        boolean keyed = batch.stream().anyMatch(s -> s.answer() != null);
        AtomicBoolean committing = new AtomicBoolean();
        try {
            List<PaymentOutcome> outcomes = keyed ? transactions.execute(status -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        committing.set(true);
                    }
                });
                return payKeyed(batch);
            }) : payAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i) != null) {
                    batch.get(i).outcome().complete(outcomes.get(i));
                }
            }
        } catch (CannotGetJdbcConnectionException notSent) {
            batch.forEach(s -> s.outcome().completeExceptionally(new BatchFailed(notSent, false)));
        } catch (RuntimeException failure) {
            // autocommit: the statement may have committed; in a transaction, only once its commit was sent
            boolean sent = !keyed || committing.get();
            batch.forEach(s -> s.outcome().completeExceptionally(new BatchFailed(failure, sent)));
        } catch (Error failure) {
            batch.forEach(s -> s.outcome().completeExceptionally(failure));
            throw failure;
        }
    }

    private List<PaymentOutcome> payAll(List<Submitted> batch) {
        metrics.paymentBatch(batch.size());
        if (batch.size() == 1) {
            PayNow only = batch.get(0).payment();
            return List.of(orders.placePaid(only.order(), only.couponQuoted(), only.event()));
        }
        return orders.placePaidTogether(batch.stream().map(Submitted::payment).toList());
    }

    /**
     * Takes the keyed orders' marks, pays the orders whose key was free (and those without one) and
     * stores the paid ones' responses, all in the one transaction. An order whose key was not free
     * gets its answer now and a null outcome.
     */
    private List<PaymentOutcome> payKeyed(List<Submitted> batch) {
        List<Submitted> keyed = batch.stream().filter(s -> s.answer() != null).toList();
        List<Optional<RuntimeException>> taken = claims.take(keyed.stream().map(s -> s.answer().claim()).toList());
        for (int i = 0; i < keyed.size(); i++) {
            taken.get(i).ifPresent(keyed.get(i).outcome()::completeExceptionally);
        }
        List<Submitted> paying = batch.stream().filter(s -> !s.outcome().isDone()).toList();
        List<PaymentOutcome> outcomes = paying.isEmpty() ? List.of() : payAll(paying);
        Map<Submitted, PaymentOutcome> outcomeOf = new IdentityHashMap<>();
        for (int i = 0; i < paying.size(); i++) {
            Submitted s = paying.get(i);
            outcomeOf.put(s, outcomes.get(i));
            if (outcomes.get(i).paid() && s.answer() != null) {
                claims.store(s.answer());
            }
        }
        return batch.stream().map(outcomeOf::get).toList();
    }

    private void signalLaneFreed() {
        laneLock.lock();
        try {
            laneFreed.signalAll();
        } finally {
            laneLock.unlock();
        }
    }

    private void awaitLaneOrOutcome(Submitted submitted) {
        laneLock.lock();
        try {
            if (!submitted.outcome().isDone() && lanes.availablePermits() == 0) {
                laneFreed.await(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the order's payment batch was in flight", interrupted);
        } finally {
            laneLock.unlock();
        }
    }

    /**
     * The order's outcome, in its own request's thread: a payment that reached the database (or
     * may have) counts as a sent change there ({@link SentChanges}), one that failed before does not.
     */
    private static PaymentOutcome outcomeOf(Submitted submitted) {
        Throwable failure;
        try {
            PaymentOutcome outcome = submitted.outcome().join();
            return SentChanges.send(() -> outcome);
        } catch (CompletionException failed) {
            failure = failed.getCause();
        }
        if (failure instanceof BatchFailed batch) {
            return batch.sent() ? SentChanges.send(() -> {
                throw batch.cause();
            }) : batch.rethrow();
        }
        if (failure instanceof RuntimeException answer) {
            throw answer;
        }
        throw (Error) failure;
    }

    /** The batch's statement or transaction failed; {@code sent}: it may have taken effect. */
    private static final class BatchFailed extends RuntimeException {

        private final RuntimeException cause;
        private final boolean sent;

        BatchFailed(RuntimeException cause, boolean sent) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
            this.sent = sent;
        }

        RuntimeException cause() {
            return cause;
        }

        boolean sent() {
            return sent;
        }

        PaymentOutcome rethrow() {
            throw cause;
        }
    }

    /** An order waiting for its batch; {@code answer}: what its key stores once paid (null: no key). */
    private record Submitted(PayNow payment, PreparedAnswer answer, CompletableFuture<PaymentOutcome> outcome) {
    }
}
