package shop.commerce.order.application;

import org.springframework.stereotype.Component;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderErrorCode;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.access.Caller;

/** Explains why a transition did not apply: no such order (404), not yours (403), or its state (409). */
@Component
class OrderRefusals {

    private final OrderRepository orders;

    OrderRefusals(OrderRepository orders) {
        this.orders = orders;
    }

    BusinessException transitionRefused(String orderId, Caller caller, OrderErrorCode stateRefusal) {
        Order order = changeable(orderId, caller);
        return new BusinessException(stateRefusal, "Order " + orderId + " is " + order.status()
                + (order.status() == OrderStatus.PENDING_PAYMENT ? " and past its payment deadline" : ""));
    }

    /** The order, if the caller may see it: its owner or an administrator. */
    Order readable(String orderId, Caller caller) {
        return accessible(orderId, caller, true);
    }

    /** The order, if the caller may change it (pay, cancel): its owner only. */
    Order changeable(String orderId, Caller caller) {
        return accessible(orderId, caller, false);
    }

    private Order accessible(String orderId, Caller caller, boolean readOnly) {
        Order order = orders.find(orderId).orElseThrow(() -> notFound(orderId));
        if (!caller.mayAccess(order.userId(), readOnly)) {
            throw new BusinessException(CommonErrorCode.FORBIDDEN, "Order " + orderId + " belongs to another user");
        }
        return order;
    }

    static BusinessException notFound(String orderId) {
        return new BusinessException(OrderErrorCode.ORDER_NOT_FOUND, "No order " + orderId);
    }
}
