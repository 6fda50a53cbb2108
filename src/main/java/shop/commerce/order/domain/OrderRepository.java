package shop.commerce.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface OrderRepository {

    /**
     * Pays {@code order} (status PAID) in one statement: stock, coupon, balance, the order and its
     * lines, and {@code event}. The lines' names and prices are confirmed against the catalogue
     * first; any refusal changes nothing.
     *
     * @param couponQuoted false when the order's coupon is already known not to be usable
     */
    PaymentOutcome placePaid(Order order, boolean couponQuoted, OrderEventRecord event);

    /**
     * Inserts a pending order and its lines in one statement, if the lines' names and prices are
     * still the catalogue's; false (nothing inserted) when they are not.
     */
    boolean insertPending(Order order);

    /** Writes what a payment or a cancellation of the order records besides the order (one statement). */
    void record(Order order, OrderEventRecord event);

    Optional<Order> find(String orderId);

    List<Order> findByUser(long userId, long offset, int limit);

    long countByUser(long userId);

    /**
     * PENDING_PAYMENT -> PAID for the user's order, only while it is pending and not past its
     * expiry; locks the order row. Empty when the transition does not apply.
     */
    Optional<Order> markPaid(String orderId, long userId, Instant now);

    /** Records the amounts settled at payment on an order this transaction already holds. */
    void settle(String orderId, long discountAmount, Long userCouponId);

    /**
     * PENDING_PAYMENT or PAID -> CANCELLED for the user's order; locks the order row. Returns the order as it was
     * before (its status tells what to undo), or empty when the transition does not apply.
     */
    Optional<Order> markCancelled(String orderId, long userId, Instant now);

    /** Expires up to {@code limit} pending orders past their expiry, skipping rows others hold. */
    List<Order> expireDue(Instant now, int limit);
}
