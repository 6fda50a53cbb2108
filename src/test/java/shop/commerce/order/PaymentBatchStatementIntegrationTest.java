package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderIds;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.order.domain.OrderRepository;
import shop.commerce.order.domain.OrderRepository.PayNow;
import shop.commerce.order.domain.OutboxAndSales;
import shop.commerce.order.domain.PaymentOutcome;
import shop.commerce.order.domain.PaymentOutcome.Refusal;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * Several pay-now orders paid by one statement ({@code place_paid_orders}) answer, per order, what
 * they would have answered one after another; a refusal changes nothing of its order nor of the others.
 */
class PaymentBatchStatementIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private OrderRepository orders;

    private CommerceFixtures fixtures;
    private ProductRef shirt;

    @BeforeEach
    void catalogAndMoney() {
        fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 10_000, 5, 2);
        fixtures.balances(1, 4, 100_000);
    }

    @Test
    void aRefusalInTheMiddleOfABatchChangesNothingOfItsOrderAndPaysTheOthers() {
        PayNow first = payNow(1, line(0, 2));
        PayNow short_ = payNow(2, line(0, 1), line(1, 3));
        PayNow third = payNow(3, line(1, 1));

        List<PaymentOutcome> outcomes = orders.placePaidTogether(List.of(first, short_, third));

        assertThat(outcomes).extracting(PaymentOutcome::refusal).containsExactly(null, Refusal.OUT_OF_STOCK, null);
        assertThat(outcomes.get(1).shortOptionIds()).containsExactly(shirt.option(1));
        assertThat(paidOrderIds()).containsExactlyInAnyOrder(first.order().id(), third.order().id());
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(3L, 0L);
        assertThat(fixtures.stock(shirt.option(1))).containsExactly(1L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(100_000 - 20_000);
        assertThat(fixtures.balance(2)).isEqualTo(100_000);
        assertThat(fixtures.balance(3)).isEqualTo(100_000 - 11_000);
        assertThat(count("select count(*) from order_line")).isEqualTo(2);
        assertThat(count("select count(*) from data_platform_outbox")).isEqualTo(2);
        assertThat(count("select coalesce(sum(quantity), 0) from ranking_sale")).isEqualTo(3);
        assertLedgersMatchBalances();
    }

    @Test
    void theSameUserTwiceInABatchIsDebitedTwiceWithItsLedgerInOrder() {
        PayNow first = payNow(1, line(0, 3));
        PayNow second = payNow(1, line(0, 2));

        List<PaymentOutcome> outcomes = orders.placePaidTogether(List.of(first, second));

        assertThat(outcomes).allMatch(PaymentOutcome::paid);
        assertThat(fixtures.balance(1)).isEqualTo(100_000 - 50_000);
        assertThat(jdbc.sql("""
                select balance_after from balance_transaction where user_id = 1 and type = 'PAYMENT' order by id
                """).query(Long.class).list()).containsExactly(70_000L, 50_000L);
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(0L, 0L);
        assertLedgersMatchBalances();
    }

    @Test
    void theSameUserTwiceWithMoneyForOneIsRefusedTheSecond() {
        jdbc.sql("update user_balance set balance = 25000 where user_id = 1").update();
        jdbc.sql("update balance_transaction set amount = 25000, balance_after = 25000 where user_id = 1").update();

        List<PaymentOutcome> outcomes = orders.placePaidTogether(
                List.of(payNow(1, line(0, 2)), payNow(1, line(0, 1)), payNow(2, line(0, 1))));

        assertThat(outcomes).extracting(PaymentOutcome::refusal)
                .containsExactly(null, Refusal.INSUFFICIENT_BALANCE, null);
        assertThat(fixtures.balance(1)).isEqualTo(5_000);
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(2L, 0L);
        assertLedgersMatchBalances();
    }

    @Test
    void theSameCouponTwiceInABatchIsUsedByTheFirstOnly() {
        long coupon = fixtures.issue(token(1, Role.USER), 1, fixtures.fixedCoupon("Five off", 5_000, 10));
        PayNow first = payNow(1, coupon, line(0, 1));
        PayNow second = payNow(1, coupon, line(0, 1));

        List<PaymentOutcome> outcomes = orders.placePaidTogether(List.of(first, second));

        assertThat(outcomes).extracting(PaymentOutcome::refusal).containsExactly(null, Refusal.COUPON_NOT_USABLE);
        assertThat(jdbc.sql("select order_id from user_coupon where id = :id").param("id", coupon)
                .query(String.class).single()).isEqualTo(first.order().id());
        assertThat(fixtures.balance(1)).isEqualTo(100_000 - 5_000);
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(4L, 0L);
        assertLedgersMatchBalances();
    }

    @Test
    void ordersCompetingForTheLastUnitsArePaidInTheBatchsOrder() {
        List<PaymentOutcome> outcomes = orders.placePaidTogether(
                List.of(payNow(1, line(1, 1)), payNow(2, line(1, 1)), payNow(3, line(1, 1))));

        assertThat(outcomes).extracting(PaymentOutcome::refusal).containsExactly(null, null, Refusal.OUT_OF_STOCK);
        assertThat(fixtures.stock(shirt.option(1))).containsExactly(0L, 0L);
        assertThat(fixtures.balance(3)).isEqualTo(100_000);
        assertLedgersMatchBalances();
    }

    @Test
    void aLineWhosePriceChangedIsRefusedAloneAndTheRefusalsKeepTheirPrecedence() {
        long othersCoupon = fixtures.issue(token(3, Role.USER), 3, fixtures.fixedCoupon("Five off", 5_000, 10));
        PayNow stale = payNow(1, new OrderLine(shirt.productId(), shirt.option(0), "Linen Shirt", "Option 0", 9_000, 1));
        PayNow shortAndBadCoupon = payNow(4, othersCoupon, line(0, 9));
        PayNow badCoupon = payNow(4, othersCoupon, line(0, 1));

        List<PaymentOutcome> outcomes = orders.placePaidTogether(List.of(stale, shortAndBadCoupon, badCoupon,
                payNow(2, line(0, 1))));

        assertThat(outcomes).extracting(PaymentOutcome::refusal).containsExactly(Refusal.PRODUCTS_CHANGED,
                Refusal.OUT_OF_STOCK, Refusal.COUPON_NOT_USABLE, null);
        assertThat(count("select count(*) from orders")).isEqualTo(1);
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(4L, 0L);
        assertLedgersMatchBalances();
    }

    private PayNow payNow(long userId, OrderLine... lines) {
        return payNow(userId, null, lines);
    }

    private PayNow payNow(long userId, Long userCouponId, OrderLine... lines) {
        Instant now = Instant.now();
        long discount = userCouponId == null ? 0 : 5_000;
        Order order = Order.paidAtOnce(OrderIds.next(now), userId, List.of(lines), discount, userCouponId, false,
                now);
        return new PayNow(order, true,
                new OutboxAndSales(UUID.randomUUID(), "ORDER_PAID", "{}", LocalDate.now(), 1));
    }

    /** {@code quantity} of the shirt's option {@code index}, named and priced as the catalogue has it. */
    private OrderLine line(int index, long quantity) {
        return new OrderLine(shirt.productId(), shirt.option(index), "Linen Shirt", "Option " + index,
                10_000 + 1_000L * index, quantity);
    }

    private List<String> paidOrderIds() {
        return jdbc.sql("select id from orders where status = 'PAID'").query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void assertLedgersMatchBalances() {
        assertThat(fixtures.balancesOffTheirLedgers()).isZero();
    }
}
