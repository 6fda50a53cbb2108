package shop.commerce.order.application;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import shop.commerce.balance.BalanceErrorCode;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.coupon.CouponApi.CouponDiscount;
import shop.commerce.coupon.CouponApi;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderRepository.PayNow;
import shop.commerce.order.domain.PaymentOutcome;

/**
 * The one way an order becomes PAID, whether at once or after a reservation: the coupon's
 * discount quoted here, the data-platform event and the day's sales recorded with it, one
 * statement that checks and writes everything on locked rows ({@code order_record_payment} in the
 * database holds the writes both kinds share), and its refusal turned into the API's error.
 */
@Component
class OrderPayment {

    private final OrderRepository orders;
    private final CouponApi coupons;
    private final OutboxAndSalesFactory events;
    private final OrderMetrics metrics;
    private final PaymentBatcher batcher;

    OrderPayment(OrderRepository orders, CouponApi coupons, OutboxAndSalesFactory events, OrderMetrics metrics,
            PaymentBatcher batcher) {
        this.orders = orders;
        this.batcher = batcher;
        this.coupons = coupons;
        this.events = events;
        this.metrics = metrics;
    }

    /** The discount {@code userCouponId} (null: none) gives an order of {@code total}, if it is usable now. */
    Optional<CouponDiscount> quote(long userId, Long userCouponId, long total) {
        return userCouponId == null ? Optional.empty() : coupons.discountIfUsable(userId, userCouponId, total);
    }

    /**
     * Pays {@code order}, placed and paid in one step, alone or in a batch with others
     * ({@link PaymentBatcher}); a keyed one's response is stored by the payment's transaction. Empty when the statement found a line's name
     * or price replaced, or the coupon usable again after all: price the order again and retry.
     */
    Optional<Order> payAtOnce(Order order, Optional<CouponDiscount> coupon, Optional<IdempotentOrder> idempotent) {
        PaymentOutcome outcome = batcher.pay(new PayNow(order, quoted(order, coupon), events.paid(order)), idempotent);
        if (outcome.paid()) {
            metrics.placedAndPaid(order.id(), order.userId(), order.totalAmount(), order.discountAmount(),
                    order.paidAmount(), order.lines().size());
            return Optional.of(order);
        }
        return settled(order, outcome);
    }

    /**
     * Pays a pending order with {@code userCouponId} (null: none) at {@code now}. Empty when the
     * coupon became usable again meanwhile: retry. {@code notPayable} explains a refused transition.
     */
    Optional<Order> payPending(Order pending, Long userCouponId, Instant now,
            Supplier<RuntimeException> notPayable) {
        Optional<CouponDiscount> coupon = quote(pending.userId(), userCouponId, pending.totalAmount());
        Order paid = pending.paid(coupon.map(CouponDiscount::discountAmount).orElse(0L), userCouponId, now);
        PaymentOutcome outcome = orders.payPending(paid, quoted(paid, coupon), events.paid(paid));
        if (outcome.refusal() == PaymentOutcome.Refusal.ORDER_NOT_PAYABLE) {
            throw notPayable.get();
        }
        return settled(paid, outcome);
    }

    private static boolean quoted(Order order, Optional<CouponDiscount> coupon) {
        return order.userCouponId() == null || coupon.isPresent();
    }

    private Optional<Order> settled(Order paid, PaymentOutcome outcome) {
        if (outcome.paid()) {
            metrics.paid(paid.id(), paid.userId(), paid.totalAmount(), paid.discountAmount(), paid.paidAmount());
            return Optional.of(paid);
        }
        switch (outcome.refusal()) {
            case OUT_OF_STOCK -> throw CatalogErrorCode.outOfStock(outcome.shortOptionIds());
            case INSUFFICIENT_BALANCE -> throw BalanceErrorCode.insufficientBalance(paid.paidAmount());
            // throws why the coupon is not usable; if it is again (its order was cancelled meanwhile), try again
            case COUPON_NOT_USABLE -> coupons.quote(paid.userId(), paid.userCouponId(), paid.totalAmount());
            case PRODUCTS_CHANGED, ORDER_NOT_PAYABLE -> {
            }
        }
        return Optional.empty();
    }
}
