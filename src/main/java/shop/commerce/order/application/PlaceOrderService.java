package shop.commerce.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.cart.CartApi;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.catalog.StockApi;
import shop.commerce.coupon.CouponApi;
import shop.commerce.coupon.CouponApi.CouponDiscount;
import shop.commerce.order.domain.Order;
import shop.commerce.order.OrderErrorCode;
import shop.commerce.order.domain.OrderIds;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.persistence.AdvisoryLocks;

/**
 * Places an order. Paid at once, it is one statement (see {@link OrderRepository#placePaid}):
 * priced from the cached catalogue, confirmed and charged by the database in one round trip.
 * Otherwise the stock is reserved until the payment deadline, in one transaction, if the user holds
 * fewer than {@code commerce.order.max-pending-orders} unpaid orders.
 */
@Service
public class PlaceOrderService {

    /** Tries of the pay-now statement: a stale cached price, or a coupon freed meanwhile, costs one more. */
    private static final int ATTEMPTS = 3;

    private final OrderLineResolver lineResolver;
    private final OrderRepository orders;
    private final StockApi stock;
    private final CouponApi coupons;
    private final CartApi cart;
    private final OrderPayment payment;
    private final OrderMetrics metrics;
    private final OrderProperties properties;
    private final AdvisoryLocks locks;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlaceOrderService(OrderLineResolver lineResolver, OrderRepository orders, StockApi stock, CouponApi coupons,
            CartApi cart, OrderPayment payment, OrderMetrics metrics, OrderProperties properties,
            AdvisoryLocks locks, PlatformTransactionManager transactionManager, Clock clock) {
        this.lineResolver = lineResolver;
        this.orders = orders;
        this.stock = stock;
        this.coupons = coupons;
        this.cart = cart;
        this.payment = payment;
        this.metrics = metrics;
        this.properties = properties;
        this.locks = locks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public Order place(PlaceOrderCommand command) {
        return place(command, Optional.empty());
    }

    /**
     * Places the order; a pay-now order with {@code idempotent} has its key taken and its response
     * stored by the transaction that pays it. A reservation ignores it: its caller keeps the key.
     */
    public Order place(PlaceOrderCommand command, Optional<IdempotentOrder> idempotent) {
        List<RequestedLine> requested = requestedLines(command);
        Instant now = clock.instant();
        String orderId = OrderIds.next(now);
        return command.payNow() ? payNow(command, requested, orderId, now, idempotent)
                : transactions.execute(status -> reserve(command, requested, orderId, now));
    }

    private Order payNow(PlaceOrderCommand command, List<RequestedLine> requested, String orderId, Instant now,
            Optional<IdempotentOrder> idempotent) {
        return untilPricedConsistently(orderId, requested, () -> {
            Priced priced = price(command, lineResolver.resolve(requested));
            Order order = Order.paidAtOnce(orderId, command.userId(), priced.lines(), priced.discount(),
                    command.userCouponId(), command.fromCart(), now);
            return payment.payAtOnce(order, priced.coupon(), idempotent);
        });
    }

    private Order reserve(PlaceOrderCommand command, List<RequestedLine> requested, String orderId, Instant now) {
        return untilPricedConsistently(orderId, requested, () -> {
            List<OrderLine> lines = lineResolver.resolve(requested);
            requireRoomForAnotherPendingOrder(command.userId(), now);
            Priced priced = price(command, lines);
            Order order = Order.pending(orderId, command.userId(), priced.lines(), priced.discount(),
                    command.userCouponId(), command.fromCart(), now, now.plus(properties.paymentTimeout()));
            if (!orders.insertPending(order)) {
                return Optional.empty();
            }
            List<Long> shortOptions = stock.reserve(StockQuantities.of(order.lines()));
            if (!shortOptions.isEmpty()) {
                throw CatalogErrorCode.outOfStock(shortOptions);
            }
            if (command.userCouponId() != null && priced.coupon().isEmpty()) {
                coupons.quote(command.userId(), command.userCouponId(), order.totalAmount());
            }
            metrics.placed(orderId, order.userId(), order.totalAmount(), order.lines().size());
            return Optional.of(order);
        });
    }

    /**
     * Refuses a reservation when the user already holds the most unpaid orders allowed. The count is
     * taken under the user's pending-orders lock (the first lock of the lock order in docs/design.md),
     * held to the end of the transaction, so two concurrent reservations cannot both take the last slot.
     */
    private void requireRoomForAnotherPendingOrder(long userId, Instant now) {
        locks.lock("pending-orders:" + userId);
        int pending = orders.countPending(userId, now);
        if (pending >= properties.maxPendingOrders()) {
            throw new BusinessException(OrderErrorCode.TOO_MANY_PENDING_ORDERS, "User " + userId + " already holds "
                    + pending + " unpaid orders, the most allowed; pay or cancel one first");
        }
    }

    /**
     * Runs {@code attempt} until it places the order: an empty answer means the database found a
     * name or price from this instance's cache replaced, so the products are read again.
     */
    private Order untilPricedConsistently(String orderId, List<RequestedLine> requested,
            Supplier<Optional<Order>> attempt) {
        for (int tries = 1; tries <= ATTEMPTS; tries++) {
            Optional<Order> placed = attempt.get();
            if (placed.isPresent()) {
                return placed.get();
            }
            lineResolver.forget(requested);
        }
        throw new IllegalStateException("Order " + orderId + " could not be priced consistently in " + ATTEMPTS
                + " attempts");
    }

    /** The lines priced from the catalogue and the discount of the order's coupon, if it is usable. */
    private Priced price(PlaceOrderCommand command, List<OrderLine> lines) {
        return new Priced(lines, payment.quote(command.userId(), command.userCouponId(), Order.totalOf(lines)));
    }

    private record Priced(List<OrderLine> lines, Optional<CouponDiscount> coupon) {

        long discount() {
            return coupon.map(CouponDiscount::discountAmount).orElse(0L);
        }
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
