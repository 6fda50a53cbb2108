package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderIds;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderStatus;

class OrderPricingTest {

    @Test
    void aLineCostsItsUnitPriceTimesItsQuantity() {
        OrderLine line = new OrderLine(1, 7, "Linen Shirt", "Black / XL", 39_000 + 2_000, 3);
        assertThat(line.lineAmount()).isEqualTo(123_000);
    }

    @Test
    void theTotalIsTheSumOfTheLinesAndThePaidAmountIsTotalLessDiscount() {
        List<OrderLine> lines = List.of(new OrderLine(1, 7, "Shirt", "M", 39_000, 2),
                new OrderLine(2, 9, "Mug", "Default", 15_000, 1));
        long total = Order.totalOf(lines);
        Order order = new Order("id", 1, OrderStatus.PAID, lines, total, 5_000, 11L, false, Instant.now(), null,
                Instant.now(), null);

        assertThat(total).isEqualTo(93_000);
        assertThat(order.paidAmount()).isEqualTo(88_000);
    }

    @Test
    void orderIdsAreUniqueTimeOrderedVersionSevenUuids() {
        Set<String> ids = new HashSet<>();
        Instant now = Instant.parse("2026-11-22T10:15:30Z");
        for (int i = 0; i < 10_000; i++) {
            ids.add(OrderIds.next(now));
        }
        assertThat(ids).hasSize(10_000);
        UUID id = UUID.fromString(OrderIds.next(now));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(OrderIds.next(now.plusMillis(1))).isGreaterThan(OrderIds.next(now));
    }
}
