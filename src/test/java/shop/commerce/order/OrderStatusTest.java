package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderStatus;

class OrderStatusTest {

    @ParameterizedTest
    @CsvSource({
            "PENDING_PAYMENT, PAID, true",
            "PENDING_PAYMENT, EXPIRED, true",
            "PENDING_PAYMENT, CANCELLED, true",
            "PENDING_PAYMENT, PENDING_PAYMENT, false",
            "PAID, CANCELLED, true",
            "PAID, PAID, false",
            "PAID, EXPIRED, false",
            "PAID, PENDING_PAYMENT, false",
            "EXPIRED, PAID, false",
            "EXPIRED, CANCELLED, false",
            "EXPIRED, PENDING_PAYMENT, false",
            "EXPIRED, EXPIRED, false",
            "CANCELLED, PAID, false",
            "CANCELLED, PENDING_PAYMENT, false",
            "CANCELLED, EXPIRED, false",
            "CANCELLED, CANCELLED, false" })
    void allowsOnlyTheTransitionsOfTheStateMachine(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        assertThat(to.from().contains(from)).isEqualTo(allowed);
    }

    @Test
    void anOrderBuildsOnlyTheNextStatesTheMachineAllows() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Order pending = Order.pending("o-1", 1, List.of(new OrderLine(1, 1, "P", "O", 1_000, 2)), 0, null, false,
                now, now.plusSeconds(600));
        Order paid = pending.paid(500, 7L, now);

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.paidAmount()).isEqualTo(1_500);
        assertThat(paid.cancelled(now).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(pending.expired().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThatThrownBy(paid::expired).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> paid.paid(0, null, now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pending.expired().cancelled(now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> paid.cancelled(now).cancelled(now)).isInstanceOf(IllegalStateException.class);
    }
}
