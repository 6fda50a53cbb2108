package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderStatus;
import shop.commerce.support.persistence.SqlTime;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * "Order payable" has a Java text ({@link Order#payableAt}, checked before the payment) and an SQL
 * text (the order row's lock in {@code pay_pending_order}, R__order_payment.sql, with the states
 * passed from {@code OrderStatus.PAID.from()}). Both give the same answer for every state, just
 * before, at and just after the deadline.
 */
class OrderPayableRuleIntegrationTest extends IntegrationTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Autowired
    private OrderRepository orders;

    @Test
    void javaAndSqlAgreeOnEveryStateAndDeadline() {
        String[] payableFrom = OrderStatus.PAID.from().stream().map(Enum::name).toArray(String[]::new);
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (OrderStatus status : OrderStatus.values()) {
            for (Instant expiresAt : new Instant[] { NOW.minusMillis(1), NOW, NOW.plusMillis(1) }) {
                String id = "payable-" + cases++;
                jdbc.sql("""
                        insert into orders (id, user_id, status, total_amount, discount_amount, paid_amount,
                                            user_coupon_id, from_cart, created_at, expires_at, paid_at, cancelled_at)
                        values (:id, 1, :status, 0, 0, 0, null, false, :createdAt, :expiresAt, null, null)
                        """).param("id", id).param("status", status.name())
                        .param("createdAt", SqlTime.param(NOW.minusSeconds(600)))
                        .param("expiresAt", SqlTime.param(expiresAt)).update();
                jdbc.sql("""
                        insert into order_line (order_id, line_no, product_id, option_id, product_name, option_name,
                                                unit_price, quantity, line_amount)
                        values (:id, 1, 1, 1, 'P', 'O', 0, 1, 0)
                        """).param("id", id).update();
                boolean java = orders.find(id).orElseThrow().payableAt(NOW);
                String refusal = jdbc.sql("""
                        select pay_pending_order(:id, 1, :now, cast(:payableFrom as varchar[]), null, true, 0,
                                                 current_date, :eventId, 'ORDER_PAID', cast('{}' as json))
                        """).param("id", id).param("now", SqlTime.param(NOW)).param("payableFrom", payableFrom)
                        .param("eventId", UUID.randomUUID()).query(String.class).list().get(0);
                boolean sql = refusal == null;
                if (java != sql) {
                    disagreements.add(status + " expiring " + expiresAt + ": Java " + java + ", SQL " + refusal);
                }
            }
        }
        assertThat(cases).isEqualTo(OrderStatus.values().length * 3);
        assertThat(disagreements).isEmpty();
    }
}
