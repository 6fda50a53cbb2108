package shop.commerce.order.application;

import org.springframework.stereotype.Component;

import shop.commerce.order.domain.Order;
import shop.commerce.order.OrderErrorCode;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.access.Caller;
import shop.commerce.support.error.BusinessException;

/**
 * Explains why a transition (pay, cancel) did not apply: no such order (404), not the caller's
 * (403), or its state (409, {@code stateRefusal}).
 */
@Component
class RefusedTransitions {

    private final OrderAccess access;

    RefusedTransitions(OrderAccess access) {
        this.access = access;
    }

    BusinessException explain(String orderId, Caller caller, OrderErrorCode stateRefusal) {
        Order order = access.changeable(orderId, caller);
        return new BusinessException(stateRefusal, "Order " + orderId + " is " + order.status()
                + (order.status() == OrderStatus.PENDING_PAYMENT ? " and past its payment deadline" : ""));
    }
}
