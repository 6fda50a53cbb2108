package shop.commerce.order.domain;

import java.time.Instant;
import java.util.Collection;
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
    PaymentOutcome placePaid(Order order, boolean couponQuoted, OutboxAndSales event);

    /**
     * Pays several orders placed at once in one statement, answering per order (in the list's
     * order) what {@link #placePaid} would have answered had they run one after another. Every
     * row the batch touches is locked first in the global lock order; a refusal changes nothing of
     * its order nor of the others.
     */
    List<PaymentOutcome> placePaidTogether(List<PayNow> payments);

    /** One order of {@link #placePaidTogether}, with {@link #placePaid}'s arguments. */
    record PayNow(Order order, boolean couponQuoted, OutboxAndSales event) {
    }

    /**
     * Pays the pending order that {@code paid} is the next state of, in one statement: its
     * transition (from the states {@link OrderStatus#PAID} allows, before its deadline), its
     * reserved stock sold, the coupon, the balance, and {@code event}; any refusal changes nothing.
     *
     * @param couponQuoted false when the coupon is already known not to be usable
     */
    PaymentOutcome payPending(Order paid, boolean couponQuoted, OutboxAndSales event);

    /**
     * Inserts a pending order and its lines in one statement, if the lines' names and prices are
     * still the catalogue's; false (nothing inserted) when they are not.
     */
    boolean insertPending(Order order);

    /** The user's orders still awaiting payment before their deadline at {@code now}. */
    int countPending(long userId, Instant now);

    /** Writes what a payment or a cancellation of the order records besides the order (one statement). */
    void record(Order order, OutboxAndSales event);

    Optional<Order> find(String orderId);

    List<Order> findByUser(long userId, long offset, int limit);

    long countByUser(long userId);

    /*
     * Transitions: each is one conditional update from the states OrderStatus allows, locking the
     * order row, and answers the order as it was before it (Order builds the state after it), or
     * nothing when the transition does not apply.
     */

    /** To CANCELLED; the status before tells what to undo. */
    Optional<Order> markCancelled(String orderId, long userId, Instant now);

    /** To EXPIRED, up to {@code limit} orders past their expiry, skipping rows others hold and {@code skipped}. */
    List<Order> expireDue(Instant now, int limit, Collection<String> skipped);
}
