package shop.commerce.order.application;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.balance.BalanceApi;
import shop.commerce.catalog.StockApi;
import shop.commerce.coupon.CouponApi;
import shop.commerce.order.domain.Order;
import shop.commerce.order.OrderErrorCode;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.access.Caller;

/**
 * Cancels an order: a pending one gives its reservation back; a paid one puts the stock back,
 * frees its coupon and refunds what was paid, all in the transaction of the transition.
 */
@Service
public class CancelOrderService {

    private final OrderRepository orders;
    private final RefusedTransitions refusals;
    private final StockApi stock;
    private final CouponApi coupons;
    private final BalanceApi balances;
    private final OutboxAndSalesFactory events;
    private final OrderMetrics metrics;
    private final Clock clock;

    CancelOrderService(OrderRepository orders, RefusedTransitions refusals, StockApi stock, CouponApi coupons,
            BalanceApi balances, OutboxAndSalesFactory events, OrderMetrics metrics, Clock clock) {
        this.orders = orders;
        this.refusals = refusals;
        this.stock = stock;
        this.coupons = coupons;
        this.balances = balances;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public Order cancel(Caller caller, String orderId) {
        Instant now = clock.instant();
        Order before = orders.markCancelled(orderId, caller.id(), now).orElseThrow(
                () -> refusals.explain(orderId, caller, OrderErrorCode.ORDER_NOT_CANCELLABLE));
        if (before.status() == OrderStatus.PAID) {
            stock.putBack(StockQuantities.of(before.lines()));
            if (before.userCouponId() != null) {
                coupons.release(before.userCouponId(), orderId);
            }
            balances.refund(before.userId(), before.paidAmount(), orderId);
            orders.record(before.cancelled(now), events.cancelled(before, now));
        } else {
            stock.release(StockQuantities.of(before.lines()));
        }
        metrics.cancelled(orderId, before.userId(), before.status() == OrderStatus.PAID ? before.paidAmount() : 0);
        return before.cancelled(now);
    }
}
