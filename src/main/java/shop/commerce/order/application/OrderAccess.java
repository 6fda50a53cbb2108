package shop.commerce.order.application;

import org.springframework.stereotype.Component;

import shop.commerce.order.domain.Order;
import shop.commerce.order.OrderErrorCode;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.support.access.Caller;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;

/** Loads an order for a caller: no such order is a 404, another user's order a 403. */
@Component
class OrderAccess {

    private final OrderRepository orders;

    OrderAccess(OrderRepository orders) {
        this.orders = orders;
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
