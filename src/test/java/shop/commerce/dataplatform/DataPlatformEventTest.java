package shop.commerce.dataplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.commerce.dataplatform.OrderCancelled;
import shop.commerce.dataplatform.OrderItem;
import shop.commerce.dataplatform.OrderPaid;
import shop.commerce.dataplatform.domain.DataPlatformEvent;
import tools.jackson.databind.json.JsonMapper;

class DataPlatformEventTest {

    private static final UUID EVENT_ID = UUID.fromString("0195f3c4-8d2a-7c1e-9a4b-2f6d8e0a1b3c");
    private static final Instant PAID_AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final Instant CANCELLED_AT = Instant.parse("2026-11-22T11:00:00.123456Z");
    private static final List<OrderItem> ITEMS = List.of(new OrderItem(1, 7, 2, 39_000));

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    @Test
    void aPaymentIsWrittenExactlyInTheContractsShape() {
        OrderPaid paid = new OrderPaid("order-1", 1, ITEMS, 78_000, 5_000, 73_000, PAID_AT);

        assertThat(jsonMapper.writeValueAsString(DataPlatformEvent.paid(EVENT_ID, paid))).isEqualTo("""
                {"eventId":"0195f3c4-8d2a-7c1e-9a4b-2f6d8e0a1b3c","eventType":"ORDER_PAID",\
                "occurredAt":"2026-11-22T10:15:30Z","orderId":"order-1","userId":1,\
                "items":[{"productId":1,"optionId":7,"quantity":2,"unitPrice":39000}],\
                "totalAmount":78000,"discountAmount":5000,"paidAmount":73000,"paidAt":"2026-11-22T10:15:30Z"}""");
    }

    @Test
    void aCancellationOccursWhenCancelledAndCarriesThePaymentsTime() {
        OrderCancelled cancelled = new OrderCancelled("order-1", 1, ITEMS, 78_000, 5_000, 73_000, PAID_AT,
                CANCELLED_AT);

        DataPlatformEvent event = DataPlatformEvent.cancelled(EVENT_ID, cancelled);

        assertThat(jsonMapper.writeValueAsString(event))
                .contains("\"eventType\":\"ORDER_CANCELLED\"")
                .contains("\"occurredAt\":\"2026-11-22T11:00:00.123456Z\"")
                .contains("\"paidAt\":\"2026-11-22T10:15:30Z\"")
                .contains("\"paidAmount\":73000");
    }
}
