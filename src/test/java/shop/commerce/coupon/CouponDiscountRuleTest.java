package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;

class CouponDiscountRuleTest {

    @ParameterizedTest(name = "{0}% of {1} is {2}")
    @CsvSource({ "10, 12345, 1234", "10, 99, 9", "33, 1000, 330", "33, 1001, 330", "1, 99, 0", "100, 4321, 4321",
            "15, 19999, 2999" })
    void aPercentDiscountIsRoundedDownToTheWon(long percent, long orderTotal, long expected) {
        assertThat(percent(percent, null).discountFor(orderTotal)).isEqualTo(expected);
    }

    @Test
    void aPercentDiscountOfAHugeOrderDoesNotOverflow() {
        assertThat(percent(50, null).discountFor(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(percent(100, null).discountFor(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPercentDiscountIsCappedByTheMaximumDiscount() {
        DiscountRule tenPercentUpTo5000 = percent(10, 5_000L);
        assertThat(tenPercentUpTo5000.discountFor(40_000)).isEqualTo(4_000);
        assertThat(tenPercentUpTo5000.discountFor(50_000)).isEqualTo(5_000);
        assertThat(tenPercentUpTo5000.discountFor(1_000_000)).isEqualTo(5_000);
    }

    @Test
    void aFixedDiscountTakesItsValueOff() {
        assertThat(fixed(3_000, 0).discountFor(10_000)).isEqualTo(3_000);
    }

    @Test
    void aFixedDiscountLargerThanTheOrderTotalTakesOnlyTheTotal() {
        assertThat(fixed(5_000, 0).discountFor(3_200)).isEqualTo(3_200);
        assertThat(fixed(5_000, 0).discountFor(0)).isZero();
    }

    @Test
    void aFixedDiscountIsCappedByTheMaximumDiscountToo() {
        assertThat(new DiscountRule(DiscountType.FIXED, 5_000, 2_000L, 0).discountFor(10_000)).isEqualTo(2_000);
    }

    @Test
    void theMinimumOrderAmountIsInclusive() {
        DiscountRule minimum = fixed(1_000, 20_000);
        assertThat(minimum.appliesTo(19_999)).isFalse();
        assertThat(minimum.appliesTo(20_000)).isTrue();
        assertThat(minimum.appliesTo(20_001)).isTrue();
        assertThat(fixed(1_000, 0).appliesTo(0)).isTrue();
        assertThat(fixed(1_000, 0).appliesTo(-1)).isFalse();
    }

    @Test
    void refusesAnImpossibleRule() {
        assertThatThrownBy(() -> percent(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> percent(101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixed(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixed(1_000, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscountRule(DiscountType.FIXED, 1_000, -1L, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DiscountRule percent(long percent, Long cap) {
        return new DiscountRule(DiscountType.PERCENT, percent, cap, 0);
    }

    private static DiscountRule fixed(long amount, long minOrderAmount) {
        return new DiscountRule(DiscountType.FIXED, amount, null, minOrderAmount);
    }
}
