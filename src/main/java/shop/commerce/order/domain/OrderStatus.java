package shop.commerce.order.domain;

import java.util.Set;

/** The order state machine: PENDING_PAYMENT -> PAID | EXPIRED | CANCELLED, PAID -> CANCELLED. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, EXPIRED, CANCELLED;

    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PENDING_PAYMENT -> Set.of(PAID, EXPIRED, CANCELLED).contains(next);
            case PAID -> next == CANCELLED;
            case EXPIRED, CANCELLED -> false;
        };
    }
}
