package shop.commerce.dataplatform.application;

import org.springframework.stereotype.Component;

import shop.commerce.dataplatform.DataPlatformFeed;
import shop.commerce.dataplatform.OrderCancelled;
import shop.commerce.dataplatform.OrderPaid;
import shop.commerce.dataplatform.domain.DataPlatformEvent;
import shop.commerce.support.id.RandomIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each payment and each cancellation of a paid order into the event the data platform
 * receives. The order capability writes the entry to the outbox in the statement that pays or
 * cancels; the event id is fixed here, once, and kept across every retry of the relay.
 */
@Component
class DataPlatformFeedFacade implements DataPlatformFeed {

    private final JsonMapper jsonMapper;

    DataPlatformFeedFacade(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public FeedEntry paid(OrderPaid paid) {
        return entry(DataPlatformEvent.paid(RandomIds.uuid(), paid));
    }

    @Override
    public FeedEntry cancelled(OrderCancelled cancelled) {
        return entry(DataPlatformEvent.cancelled(RandomIds.uuid(), cancelled));
    }

    private FeedEntry entry(DataPlatformEvent event) {
        return new FeedEntry(event.eventId(), event.eventType().name(), jsonMapper.writeValueAsString(event));
    }
}
