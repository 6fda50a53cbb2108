package shop.commerce.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import shop.commerce.catalog.StockApi;
import shop.commerce.catalog.StockApi.OptionQuantity;
import shop.commerce.catalog.domain.LiveState;
import shop.commerce.catalog.domain.ProductRepository;
import shop.commerce.catalog.domain.StockLevel;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * Reads coalesced into one statement still return stock committed no earlier than each read
 * arrived. The statements run on the real database; a gate around the real repository holds a
 * statement open after it has read, so the tests can place reads while one is in flight.
 */
class CoalescingLiveStateReaderTest extends IntegrationTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ProductRepository repository;

    @Autowired
    StockApi stockApi;

    @Autowired
    TransactionTemplate transactions;

    private final ExecutorService readers = Executors.newCachedThreadPool();

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void aReadArrivingWhileAStatementIsInFlightSeesTheStockCommittedBeforeIt() throws Exception {
        ProductRef product = fixtures().product("Coalesced Mug", 12000, 10);
        long option = product.optionIds().get(0);
        GatedRepository gated = new GatedRepository(repository);
        CoalescingLiveStateReader reader = reader(gated, 1);

        Future<LiveState> first = readHeldInFlight(gated, reader, product);
        transactions.executeWithoutResult(s -> assertThat(stockApi.reserve(List.of(new OptionQuantity(option, 3))))
                .isEmpty());
        Future<LiveState> second = readLater(reader, product);
        awaitParked(1);
        gated.release();

        assertThat(first.get(10, TimeUnit.SECONDS).levelByOption().get(option)).isEqualTo(new StockLevel(10, 0));
        assertThat(second.get(10, TimeUnit.SECONDS).levelByOption().get(option)).isEqualTo(new StockLevel(10, 3));
        assertThat(gated.statements()).hasValue(2);
    }

    @Test
    void readsWaitingForAStatementShareOneAndEachGetsItsOwnProducts() throws Exception {
        ProductRef mug = fixtures().product("Shared Mug", 12000, 7);
        ProductRef cup = fixtures().product("Shared Cup", 9000, 4, 5);
        GatedRepository gated = new GatedRepository(repository);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CoalescingLiveStateReader reader = new CoalescingLiveStateReader(gated.proxy, properties(1), registry);

        Future<LiveState> inFlight = readHeldInFlight(gated, reader, mug);
        Future<LiveState> mugRead = readLater(reader, mug);
        Future<LiveState> cupRead = readLater(reader, cup);
        awaitParked(2);
        gated.release();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).levelByOption()).containsOnlyKeys(mug.optionIds());
        LiveState forMug = mugRead.get(10, TimeUnit.SECONDS);
        LiveState forCup = cupRead.get(10, TimeUnit.SECONDS);
        assertThat(forMug.levelByOption().get(mug.optionIds().get(0))).isEqualTo(new StockLevel(7, 0));
        assertThat(forCup.levelByOption().get(cup.optionIds().get(1))).isEqualTo(new StockLevel(5, 0));
        assertThat(forCup.versionByProduct()).containsKey(cup.productId());
        assertThat(gated.statements()).hasValue(2);
        assertThat(registry.get("commerce.catalog.live.state.reads").summary().max()).isEqualTo(2);
    }

    @Test
    void everyReadOfAFailedStatementGetsItsFailure() throws Exception {
        ProductRef product = fixtures().product("Failing Mug", 12000, 10);
        GatedRepository gated = new GatedRepository(repository);
        CoalescingLiveStateReader reader = reader(gated, 1);

        Future<LiveState> inFlight = readHeldInFlight(gated, reader, product);
        gated.failNext(new DataAccessResourceFailureException("database went away"));
        List<Future<LiveState>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(readLater(reader, product));
        }
        awaitParked(3);
        gated.release();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).levelByOption()).isNotEmpty();
        for (Future<LiveState> read : waiting) {
            assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(DataAccessResourceFailureException.class);
        }
        assertThat(reader.read(List.of(product.productId()), product.optionIds()).levelByOption()).isNotEmpty();
        assertThat(gated.statements()).hasValue(3);
    }

    @Test
    void aReadInsideATransactionRunsItsOwnStatementWithoutWaiting() throws Exception {
        ProductRef product = fixtures().product("Transactional Mug", 12000, 10);
        long option = product.optionIds().get(0);
        GatedRepository gated = new GatedRepository(repository);
        CoalescingLiveStateReader reader = reader(gated, 1);

        Future<LiveState> inFlight = readHeldInFlight(gated, reader, product);
        Future<StockLevel> inTransaction = readers.submit(() -> transactions.execute(s -> {
            stockApi.reserve(List.of(new OptionQuantity(option, 2)));
            return reader.read(List.of(product.productId()), List.of(option)).levelByOption().get(option);
        }));

        assertThat(inTransaction.get(10, TimeUnit.SECONDS)).isEqualTo(new StockLevel(10, 2));
        gated.release();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).levelByOption().get(option)).isEqualTo(new StockLevel(10, 0));
    }

    @Test
    void manyConcurrentReadersEachSeeTheirOwnProductsExactStock() throws Exception {
        List<ProductRef> catalog = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            catalog.add(fixtures().product("Busy Mug " + i, 12000, 100 + i, 200 + i));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CoalescingLiveStateReader reader = new CoalescingLiveStateReader(repository, properties(2), registry);
        int threads = 32;
        int readsEach = 50;
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(readers.submit(() -> {
                go.await();
                for (int r = 0; r < readsEach; r++) {
                    int index = (thread + r) % catalog.size();
                    ProductRef product = catalog.get(index);
                    LiveState state = reader.read(List.of(product.productId()), product.optionIds());
                    if (!state.levelByOption().get(product.optionIds().get(0)).equals(new StockLevel(100 + index, 0))
                            || !state.levelByOption().get(product.optionIds().get(1))
                                    .equals(new StockLevel(200 + index, 0))
                            || !state.versionByProduct().containsKey(product.productId())) {
                        wrong.compareAndSet(null, "product " + index + " read as " + state);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> each : work) {
            each.get(60, TimeUnit.SECONDS);
        }

        assertThat(wrong.get()).isNull();
        var summary = registry.get("commerce.catalog.live.state.reads").summary();
        assertThat(summary.totalAmount()).isEqualTo(threads * readsEach);
        assertThat(summary.count()).isLessThan(threads * readsEach);
    }

    /** Starts a read whose statement the gate holds open after it has read. */
    private Future<LiveState> readHeldInFlight(GatedRepository gated, CoalescingLiveStateReader reader,
            ProductRef product) throws InterruptedException {
        gated.holdNext();
        Future<LiveState> read = readLater(reader, product);
        gated.awaitHeld();
        return read;
    }

    private Future<LiveState> readLater(CoalescingLiveStateReader reader, ProductRef product) {
        return readers.submit(() -> reader.read(List.of(product.productId()), product.optionIds()));
    }

    private CoalescingLiveStateReader reader(GatedRepository gated, int statements) {
        return reader(gated.proxy, statements);
    }

    private CoalescingLiveStateReader reader(ProductRepository products, int statements) {
        return new CoalescingLiveStateReader(products, properties(statements), new SimpleMeterRegistry());
    }

    private static CatalogProperties properties(int statements) {
        return new CatalogProperties(Duration.ofMinutes(10), 10_000, Duration.ofSeconds(5), statements);
    }

    /** Waits until this many of the test's reader threads are parked waiting for a statement. */
    private static void awaitParked(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (parkedReaders() < count) {
            assertThat(System.nanoTime()).as("readers parked in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static long parkedReaders() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> List.of(e.getValue()).stream()
                        .anyMatch(frame -> frame.getClassName().equals(CoalescingLiveStateReader.class.getName())))
                .filter(e -> List.of(e.getValue()).stream().noneMatch(frame -> frame.getClassName()
                        .equals(GatedRepository.class.getName())))
                .count();
    }

    /**
     * The real repository, with a gate that can hold one live stock statement open after it has
     * read (so its snapshot is taken) and make the next one fail.
     */
    private static final class GatedRepository {

        private final AtomicInteger statements = new AtomicInteger();
        private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        private final ProductRepository proxy;

        GatedRepository(ProductRepository real) {
            proxy = (ProductRepository) Proxy.newProxyInstance(ProductRepository.class.getClassLoader(),
                    new Class<?>[] {ProductRepository.class}, (self, method, args) -> {
                        if (!method.getName().equals("liveState")) {
                            return invoke(real, method, args);
                        }
                        statements.incrementAndGet();
                        RuntimeException failNow = failure.getAndSet(null);
                        if (failNow != null) {
                            throw failNow;
                        }
                        Object state = invoke(real, method, args);
                        CountDownLatch gate = hold.getAndSet(null);
                        if (gate != null) {
                            held.countDown();
                            assertThat(gate.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                        }
                        return state;
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void holdNext() {
            hold.set(released);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("statement held").isTrue();
        }

        void release() {
            released.countDown();
        }

        void failNext(RuntimeException next) {
            failure.set(next);
        }

        AtomicInteger statements() {
            return statements;
        }
    }
}
