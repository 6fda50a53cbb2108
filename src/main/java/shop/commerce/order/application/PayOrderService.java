package shop.commerce.order.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.order.domain.Order;
import shop.commerce.order.OrderErrorCode;
import shop.commerce.support.access.Caller;

/**
 * Pays a pending order: refusals in docs/api.md's order (no such order, not yours, not payable, then
 * the coupon and the balance), the payment itself through {@link OrderPayment}, one statement that
 * takes the locks in the project's order: the order row, its stock rows, the coupon, the balance.
 */
@Service
public class PayOrderService {

    /** Tries: a coupon freed by a cancellation between the quote and the statement costs one more. */
    private static final int ATTEMPTS = 3;

    private final OrderAccess access;
    private final RefusedTransitions refusals;
    private final OrderPayment payment;
    private final Clock clock;

    PayOrderService(OrderAccess access, RefusedTransitions refusals, OrderPayment payment, Clock clock) {
        this.access = access;
        this.refusals = refusals;
        this.payment = payment;
        this.clock = clock;
    }

    @Transactional
    public Order pay(Caller caller, String orderId, PaymentCoupon coupon) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Order pending = access.changeable(orderId, caller);
            if (!pending.payableAt(now)) {
                throw refusals.explain(orderId, caller, OrderErrorCode.ORDER_NOT_PAYABLE);
            }
            Optional<Order> paid = payment.payPending(pending, coupon.resolve(pending.userCouponId()), now,
                    () -> refusals.explain(orderId, caller, OrderErrorCode.ORDER_NOT_PAYABLE));
            if (paid.isPresent()) {
                return paid.get();
            }
        }
        throw new IllegalStateException("Order " + orderId + " could not be paid consistently in " + ATTEMPTS
                + " attempts");
    }
}
