package shop.commerce.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order state machine: PENDING_PAYMENT -> PAID | EXPIRED | CANCELLED, PAID -> CANCELLED. Each
 * state names the states it may be reached from; {@link Order}'s transitions and the conditional
 * updates that make them in the database both read it from here.
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, EXPIRED, CANCELLED;

    /** The states an order must be in to become this one (none: an order starts in it). */
    public Set<OrderStatus> from() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.noneOf(OrderStatus.class);
            case PAID, EXPIRED -> EnumSet.of(PENDING_PAYMENT);
            case CANCELLED -> EnumSet.of(PENDING_PAYMENT, PAID);
        };
    }

    public boolean canBecome(OrderStatus next) {
        return next.from().contains(this);
    }
}
