package shop.commerce.catalog.application;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.catalog.domain.LiveState;
import shop.commerce.catalog.domain.ProductRepository;

/**
 * Live stock and definition versions for concurrent product reads, in as few statements as the
 * load allows (smart batching). At most {@code commerce.catalog.live-state-statements} statements
 * run at once; a read that arrives while they are all busy joins the one batch waiting for the next
 * free statement, and the first read of that batch runs it for all of its members. A read never
 * joins a statement that has already started, so what it returns was committed no earlier than
 * the read arrived: stock stays exact, it is only read once for many callers. When the load is
 * light every read runs its own statement at once, with no added wait.
 *
 * <p>Written here rather than taken from a library: the batching loaders at hand (DataLoader,
 * Reactor's buffers) close a batch on a timer or need an asynchronous caller, and either would add
 * latency to every read on our blocking request threads.
 *
 * <p>A read inside a transaction runs its own statement on the transaction's connection, so it
 * sees what its transaction sees.
 */
@Component
class CoalescingLiveStateReader {

    private final ProductRepository products;
    private final int maxStatements;
    private final DistributionSummary readsPerStatement;

    private Batch open;
    private int running;

    CoalescingLiveStateReader(ProductRepository products, CatalogProperties properties, MeterRegistry registry) {
        this.products = products;
        this.maxStatements = properties.liveStateStatements();
        this.readsPerStatement = DistributionSummary.builder("commerce.catalog.live.state.reads")
                .description("Product reads answered by one live stock statement")
                .register(registry);
    }

    LiveState read(Collection<Long> productIds, Collection<Long> optionIds) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return products.liveState(productIds, optionIds);
        }
        Batch batch;
        boolean first;
        synchronized (this) {
            first = open == null;
            if (first) {
                open = new Batch();
            }
            batch = open;
            batch.add(productIds, optionIds);
            if (first && running < maxStatements) {
                running++;
                startLocked(batch);
            }
        }
        if (!first) {
            return join(batch.result);
        }
        join(batch.turn);
        try {
            LiveState state = products.liveState(batch.productIds, batch.optionIds);
            readsPerStatement.record(batch.reads);
            batch.result.complete(state);
            return state;
        } catch (RuntimeException | Error failure) {
            batch.result.completeExceptionally(failure);
            throw failure;
        } finally {
            synchronized (this) {
                if (open != null) {
                    startLocked(open);
                } else {
                    running--;
                }
            }
        }
    }

    /** Closes the open batch and lets its first read run it, on the statement slot it is given. */
    private void startLocked(Batch batch) {
        open = null;
        batch.turn.complete(null);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }

    /** Reads waiting for one statement; changed only while open and under the reader's lock. */
    private static final class Batch {
        final Set<Long> productIds = new HashSet<>();
        final Set<Long> optionIds = new HashSet<>();
        final CompletableFuture<Void> turn = new CompletableFuture<>();
        final CompletableFuture<LiveState> result = new CompletableFuture<>();
        int reads;

        void add(Collection<Long> products, Collection<Long> options) {
            productIds.addAll(products);
            optionIds.addAll(options);
            reads++;
        }
    }
}
