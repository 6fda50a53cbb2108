package shop.commerce.order.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a payment or a cancellation writes besides the order: the data-platform event (outbox) and
 * the sales of the payment's day for the ranking, added ({@code salesSign} 1) or taken off (-1).
 */
public record OutboxAndSales(UUID eventId, String eventType, String payload, LocalDate salesDate, int salesSign) {
}
