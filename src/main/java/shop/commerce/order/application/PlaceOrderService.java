package shop.commerce.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.balance.BalanceApi;
import shop.commerce.cart.CartApi;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.StockApi;
import shop.commerce.coupon.CouponApi;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderErrorCode;
import shop.commerce.order.domain.OrderIds;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.error.BusinessException;

/**
 * Places an order. Paid at once, it is one transaction: sell the stock, use the coupon, debit the
 * balance, record the order; any refusal rolls all of it back. Otherwise the stock is reserved
 * until the payment deadline.
 */
@Service
public class PlaceOrderService {

    private final OrderLineResolver lineResolver;
    private final OrderRepository orders;
    private final StockApi stock;
    private final CouponApi coupons;
    private final BalanceApi balances;
    private final CartApi cart;
    private final OrderEvents events;
    private final OrderProperties properties;
    private final Clock clock;

    PlaceOrderService(OrderLineResolver lineResolver, OrderRepository orders, StockApi stock, CouponApi coupons,
            BalanceApi balances, CartApi cart, OrderEvents events, OrderProperties properties, Clock clock) {
        this.lineResolver = lineResolver;
        this.orders = orders;
        this.stock = stock;
        this.coupons = coupons;
        this.balances = balances;
        this.cart = cart;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Order place(PlaceOrderCommand command) {
        List<OrderLine> lines = lineResolver.resolve(requestedLines(command));
        long total = Order.totalOf(lines);
        Instant now = clock.instant();
        String orderId = OrderIds.next(now);
        return command.payNow() ? payNow(command, orderId, lines, total, now)
                : reserve(command, orderId, lines, total, now);
    }

    private Order payNow(PlaceOrderCommand command, String orderId, List<OrderLine> lines, long total, Instant now) {
        List<Long> shortOptions = stock.sell(OrderStock.of(lines));
        if (!shortOptions.isEmpty()) {
            throw CatalogErrorCode.outOfStock(shortOptions);
        }
        long discount = command.userCouponId() == null ? 0
                : coupons.use(command.userId(), command.userCouponId(), orderId, total).discountAmount();
        balances.pay(command.userId(), total - discount, orderId);
        Order order = new Order(orderId, command.userId(), OrderStatus.PAID, lines, total, discount,
                command.userCouponId(), command.fromCart(), now, null, now, null);
        orders.insert(order);
        if (command.fromCart()) {
            cart.remove(command.userId(), lines.stream().map(OrderLine::optionId).toList());
        }
        events.paid(order);
        return order;
    }

    private Order reserve(PlaceOrderCommand command, String orderId, List<OrderLine> lines, long total, Instant now) {
        List<Long> shortOptions = stock.reserve(OrderStock.of(lines));
        if (!shortOptions.isEmpty()) {
            throw CatalogErrorCode.outOfStock(shortOptions);
        }
        long expectedDiscount = command.userCouponId() == null ? 0
                : coupons.quote(command.userId(), command.userCouponId(), total).discountAmount();
        Order order = new Order(orderId, command.userId(), OrderStatus.PENDING_PAYMENT, lines, total,
                expectedDiscount, command.userCouponId(), command.fromCart(), now,
                now.plus(properties.paymentTimeout()), null, null);
        orders.insert(order);
        return order;
    }

    private List<RequestedLine> requestedLines(PlaceOrderCommand command) {
        if (!command.fromCart()) {
            return command.lines();
        }
        List<RequestedLine> lines = cart.lines(command.userId()).stream()
                .map(l -> new RequestedLine(l.productId(), l.optionId(), l.quantity()))
                .toList();
        if (lines.isEmpty()) {
            throw new BusinessException(OrderErrorCode.EMPTY_CART, "The cart is empty");
        }
        return lines;
    }
}
