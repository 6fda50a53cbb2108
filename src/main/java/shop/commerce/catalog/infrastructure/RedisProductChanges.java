package shop.commerce.catalog.infrastructure;

import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongConsumer;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import shop.commerce.catalog.application.CatalogProperties;
import shop.commerce.catalog.domain.ProductChanges;

/**
 * Product changes over a Redis pub/sub channel: a message {@code <instance>:<productId>} per
 * change; each instance ignores its own. Redis may be away when the service starts, so listening
 * is attempted every {@code commerce.catalog.resubscribe-interval} until it succeeds; after that
 * Redisson resubscribes by itself when the connection comes back, and each subscription reports a
 * gap, since what was announced meanwhile was lost.
 */
@Component
class RedisProductChanges implements ProductChanges, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisProductChanges.class);
    static final String CHANNEL = "commerce:catalog:product-changes";

    private final RTopic topic;
    private final TaskScheduler scheduler;
    private final CatalogProperties properties;
    private final String instance = UUID.randomUUID().toString();
    private volatile LongConsumer onChanged;
    private volatile Runnable onGap;
    private volatile boolean listening;
    private ScheduledFuture<?> attempts;

    RedisProductChanges(RedissonClient redisson, TaskScheduler scheduler, CatalogProperties properties) {
        this.topic = redisson.getTopic(CHANNEL, StringCodec.INSTANCE);
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void announce(long productId) {
        try {
            topic.publishAsync(instance + ":" + productId);
        } catch (RedisException unavailable) {
            log.debug("Product change {} not announced: {}", productId, unavailable.toString());
        }
    }

    @Override
    public void listen(LongConsumer onChanged, Runnable onGap) {
        this.onChanged = onChanged;
        this.onGap = onGap;
    }

    @Override
    public synchronized void start() {
        attempts = scheduler.scheduleWithFixedDelay(this::listenUnlessListening,
                properties.resubscribeInterval());
    }

    @Override
    public synchronized void stop() {
        if (attempts != null) {
            attempts.cancel(false);
            attempts = null;
        }
        if (listening) {
            try {
                topic.removeAllListeners();
            } catch (RedisException unavailable) {
                log.debug("Product changes: not unsubscribed: {}", unavailable.toString());
            }
            listening = false;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return attempts != null;
    }

    private synchronized void listenUnlessListening() {
        if (listening || onChanged == null) {
            return;
        }
        try {
            topic.addListener(new StatusListener() {
                @Override
                public void onSubscribe(String channel) {
                    onGap.run();
                }

                @Override
                public void onUnsubscribe(String channel) {
                }
            });
            topic.addListener(String.class, (channel, message) -> received(message));
            listening = true;
            onGap.run();
            log.info("Listening for product changes on {}", CHANNEL);
        } catch (RedisException unavailable) {
            topic.removeAllListenersAsync();
            log.debug("Product changes: not listening yet: {}", unavailable.toString());
        }
    }

    private void received(String message) {
        int separator = message.lastIndexOf(':');
        if (separator < 0 || message.substring(0, separator).equals(instance)) {
            return;
        }
        try {
            onChanged.accept(Long.parseLong(message.substring(separator + 1)));
        } catch (NumberFormatException malformed) {
            log.warn("Ignored a malformed product change message on {}", CHANNEL);
        }
    }
}
