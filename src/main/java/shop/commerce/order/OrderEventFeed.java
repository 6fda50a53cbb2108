package shop.commerce.order;

import java.util.UUID;

/**
 * What the data platform is told of each payment and each cancellation of a paid order.
 * <p>
 * The data-platform capability implements it: it decides the event's id and body. The order
 * capability writes the entry to the outbox in the very statement that pays or cancels, so the
 * event commits with the order or not at all. Nothing else runs inside a payment: there is no
 * listener that could make a payment fail by accident.
 */
public interface OrderEventFeed {

    FeedEntry paid(OrderPaid paid);

    FeedEntry cancelled(OrderCancelled cancelled);

    /** One outbox entry: the event's stable id, its type ({@code ORDER_PAID}, ...) and its JSON body. */
    record FeedEntry(UUID eventId, String eventType, String payload) {
    }
}
