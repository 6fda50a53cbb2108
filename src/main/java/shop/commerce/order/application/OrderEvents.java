package shop.commerce.order.application;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import shop.commerce.order.OrderCancelled;
import shop.commerce.order.OrderItem;
import shop.commerce.order.OrderPaid;
import shop.commerce.order.domain.Order;

/** Publishes the order events inside the transaction that made them true. */
@Component
class OrderEvents {

    private final ApplicationEventPublisher publisher;

    OrderEvents(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void paid(Order order) {
        publisher.publishEvent(new OrderPaid(order.id(), order.userId(), items(order), order.totalAmount(),
                order.discountAmount(), order.paidAmount(), order.paidAt()));
    }

    void cancelled(Order order, Instant cancelledAt) {
        publisher.publishEvent(new OrderCancelled(order.id(), order.userId(), items(order), order.totalAmount(),
                order.discountAmount(), order.paidAmount(), order.paidAt(), cancelledAt));
    }

    private static List<OrderItem> items(Order order) {
        return order.lines().stream()
                .map(l -> new OrderItem(l.productId(), l.optionId(), l.quantity(), l.unitPrice()))
                .toList();
    }
}
