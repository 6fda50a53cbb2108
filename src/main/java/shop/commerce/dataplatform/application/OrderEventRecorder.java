package shop.commerce.dataplatform.application;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.domain.DataPlatformEvent;
import shop.commerce.dataplatform.domain.OutboxRepository;
import shop.commerce.order.OrderCancelled;
import shop.commerce.order.OrderPaid;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each payment and each cancellation of a paid order to the outbox. The order events are
 * published inside the order's transaction and this listener runs synchronously, so the outbox row
 * commits or rolls back with the order; the event id is fixed here, once, and kept across retries.
 */
@Component
class OrderEventRecorder {

    private final OutboxRepository outbox;
    private final JsonMapper jsonMapper;
    private final Clock clock;

    OrderEventRecorder(OutboxRepository outbox, JsonMapper jsonMapper, Clock clock) {
        this.outbox = outbox;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPaid paid) {
        record(DataPlatformEvent.paid(UUID.randomUUID(), paid));
    }

    @EventListener
    void on(OrderCancelled cancelled) {
        record(DataPlatformEvent.cancelled(UUID.randomUUID(), cancelled));
    }

    private void record(DataPlatformEvent event) {
        outbox.append(event.eventId(), event.eventType(), event.orderId(), jsonMapper.writeValueAsString(event),
                clock.instant());
    }
}
