package shop.commerce.order.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.balance.BalanceApi;
import shop.commerce.cart.CartApi;
import shop.commerce.catalog.StockApi;
import shop.commerce.coupon.CouponApi;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderErrorCode;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.support.security.CurrentUser;

/**
 * Pays a pending order in one transaction, taking locks in the project's order: the order row
 * (its transition), the stock rows, the coupon, the balance.
 */
@Service
public class PayOrderService {

    private final OrderRepository orders;
    private final OrderRefusals refusals;
    private final StockApi stock;
    private final CouponApi coupons;
    private final BalanceApi balances;
    private final CartApi cart;
    private final OrderEvents events;
    private final OrderMetrics metrics;
    private final Clock clock;

    PayOrderService(OrderRepository orders, OrderRefusals refusals, StockApi stock, CouponApi coupons,
            BalanceApi balances, CartApi cart, OrderEvents events, OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.refusals = refusals;
        this.stock = stock;
        this.coupons = coupons;
        this.balances = balances;
        this.cart = cart;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public Order pay(CurrentUser caller, String orderId, PaymentCoupon coupon) {
        Instant now = clock.instant();
        Order pending = orders.markPaid(orderId, caller.id(), now)
                .orElseThrow(() -> refusals.transitionRefused(orderId, caller, OrderErrorCode.ORDER_NOT_PAYABLE));
        stock.sellReserved(OrderStock.of(pending.lines()));
        Long couponId = coupon.resolve(pending.userCouponId());
        long discount = couponId == null ? 0
                : coupons.use(pending.userId(), couponId, orderId, pending.totalAmount()).discountAmount();
        balances.pay(pending.userId(), pending.totalAmount() - discount, orderId);
        orders.settle(orderId, discount, couponId);
        if (pending.fromCart()) {
            cart.remove(pending.userId(), pending.lines().stream().map(OrderLine::optionId).toList());
        }
        Order paid = pending.paid(discount, couponId, now);
        orders.record(paid, events.paid(paid));
        metrics.paid(orderId, paid.userId(), paid.totalAmount(), discount, paid.paidAmount());
        return paid;
    }
}
