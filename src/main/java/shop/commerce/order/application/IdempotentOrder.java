package shop.commerce.order.application;

import java.util.function.Function;

import shop.commerce.order.domain.Order;
import shop.commerce.support.idempotency.IdempotencyClaim;

/**
 * An order placed with an {@code Idempotency-Key}: the key's claim, and the response the API gives
 * for the order once paid ({@code status} with {@code body}), which the payment's transaction stores.
 */
public record IdempotentOrder(IdempotencyClaim claim, int status, Function<Order, Object> body) {
}
