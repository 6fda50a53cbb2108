package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    }
}
