package shop.commerce.dataplatform;

import java.util.UUID;

/**
 * What the data platform is told of each payment and each cancellation of a paid order: the
 * event's stable id, its type and its JSON body, decided here, once.
 * <p>
 * The order capability asks for the entry and hands it to the statement that pays or cancels,
 * which writes it through this capability's own SQL function ({@code dataplatform_record_events},
 * {@code R__dataplatform_outbox.sql}), so the event commits with the order or not at all.
 */
public interface DataPlatformFeed {

    FeedEntry paid(OrderPaid paid);

    FeedEntry cancelled(OrderCancelled cancelled);

    /** One outbox entry: the event's stable id, its type ({@code ORDER_PAID}, ...) and its JSON body. */
    record FeedEntry(UUID eventId, String eventType, String payload) {
    }
}
