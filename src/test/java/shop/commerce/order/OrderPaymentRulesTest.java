package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderStatus;

/**
 * The order's own payment decisions, without a database: what it costs, when it may be paid, and
 * which states each transition builds (docs/api.md, orders). Which refusal of a payment comes first
 * (stock, coupon, balance) is decided by the payment statement and tested by
 * {@code PayNowStatementIntegrationTest}.
 */
class OrderPaymentRulesTest {

    private static final Instant PLACED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant DEADLINE = PLACED.plus(Duration.ofMinutes(10));
    private static final List<OrderLine> LINES = List.of(new OrderLine(1, 7, "Linen Shirt", "Navy / XL", 42_000, 1),
            new OrderLine(2, 9, "Ceramic Mug", "Default", 15_000, 2));

    @Test
    void anOrderPaidAtOnceCostsItsLinesLessTheDiscount() {
        Order order = Order.paidAtOnce("o-1", 1, LINES, 5_000, 2L, false, PLACED);

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.totalAmount()).isEqualTo(72_000);
        assertThat(order.paidAmount()).isEqualTo(67_000);
        assertThat(order.paidAt()).isEqualTo(PLACED);
        assertThat(order.wasPaid()).isTrue();
        assertThat(order.payableAt(PLACED)).isFalse();
    }

    @Test
    void aPendingOrderIsPayableUntilItsDeadlineExclusive() {
        Order pending = Order.pending("o-1", 1, LINES, 5_000, 2L, false, PLACED, DEADLINE);

        assertThat(pending.payableAt(PLACED)).isTrue();
        assertThat(pending.payableAt(DEADLINE.minusNanos(1_000))).isTrue();
        assertThat(pending.payableAt(DEADLINE)).isFalse();
        assertThat(pending.wasPaid()).isFalse();
    }

    @Test
    void payingAPendingOrderTakesTheDiscountOfTheCouponPaidWithNotTheQuote() {
        Order pending = Order.pending("o-1", 1, LINES, 5_000, 2L, false, PLACED, DEADLINE);

        Order paidWithoutCoupon = pending.paid(0, null, DEADLINE.minusSeconds(1));
        Order paidWithAnother = pending.paid(7_200, 3L, DEADLINE.minusSeconds(1));

        assertThat(paidWithoutCoupon.paidAmount()).isEqualTo(72_000);
        assertThat(paidWithoutCoupon.userCouponId()).isNull();
        assertThat(paidWithAnother.paidAmount()).isEqualTo(64_800);
        assertThat(paidWithAnother.userCouponId()).isEqualTo(3L);
        assertThat(paidWithAnother.paidAt()).isEqualTo(DEADLINE.minusSeconds(1));
        assertThat(paidWithAnother.expiresAt()).isEqualTo(DEADLINE);
    }

    @Test
    void aCancelledOrderRemembersWhetherItWasPaid() {
        Order pending = Order.pending("o-1", 1, LINES, 0, null, false, PLACED, DEADLINE);
        Order paid = pending.paid(0, null, PLACED.plusSeconds(5));

        assertThat(pending.cancelled(PLACED.plusSeconds(9)).wasPaid()).isFalse();
        Order refunded = paid.cancelled(PLACED.plusSeconds(9));
        assertThat(refunded.wasPaid()).isTrue();
        assertThat(refunded.paidAmount()).isEqualTo(72_000);
        assertThat(refunded.cancelledAt()).isEqualTo(PLACED.plusSeconds(9));
    }

    @Test
    void anExpiredOrderKeepsNoPaymentAndCanNeitherBePaidNorCancelled() {
        Order expired = Order.pending("o-1", 1, LINES, 5_000, 2L, false, PLACED, DEADLINE).expired();

        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.wasPaid()).isFalse();
        assertThat(expired.payableAt(PLACED)).isFalse();
        assertThatThrownBy(() -> expired.paid(0, null, PLACED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> expired.cancelled(PLACED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPaidOrderIsPaidOnceAndNeverExpires() {
        Order paid = Order.paidAtOnce("o-1", 1, LINES, 0, null, false, PLACED);

        assertThatThrownBy(() -> paid.paid(0, null, PLACED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(paid::expired).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> paid.cancelled(PLACED).cancelled(PLACED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void amountsAreWholeWonsWithoutOverflowForLargeLines() {
        OrderLine bulk = new OrderLine(3, 11, "Rice", "20 kg", 99_999_999, 1_000);
        assertThat(Order.totalOf(List.of(bulk, bulk))).isEqualTo(199_999_998_000L);
    }
}
