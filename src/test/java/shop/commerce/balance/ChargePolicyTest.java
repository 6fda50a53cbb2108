package shop.commerce.balance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.commerce.balance.BalanceErrorCode;
import shop.commerce.balance.domain.ChargePolicy;
import shop.commerce.support.error.BusinessException;

class ChargePolicyTest {

    private final ChargePolicy policy = new ChargePolicy(1_000, 1_000_000, 100, 10_000_000);

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, -1_000, Long.MIN_VALUE })
    void rejectsAmountsThatAreNotPositive(long amount) {
        assertRejectedAs(amount, BalanceErrorCode.INVALID_CHARGE_AMOUNT);
    }

    @Test
    void rejectsAmountBelowTheMinimum() {
        assertRejectedAs(900, BalanceErrorCode.INVALID_CHARGE_AMOUNT);
    }

    @Test
    void rejectsAmountAboveTheMaximumPerRequest() {
        assertRejectedAs(1_000_100, BalanceErrorCode.INVALID_CHARGE_AMOUNT);
    }

    @Test
    void rejectsAmountThatIsNotAMultipleOfTheUnit() {
        assertRejectedAs(1_050, BalanceErrorCode.INVALID_CHARGE_AMOUNT);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1_000, 1_100, 500_000, 1_000_000 })
    void acceptsAmountsWithinTheBoundsAndOnTheUnit(long amount) {
        assertThatCode(() -> policy.check(amount)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAChargeLargerThanTheHoldingLimitAsLimitExceeded() {
        ChargePolicy smallLimit = new ChargePolicy(1_000, 1_000_000, 1, 5_000);
        assertThatThrownBy(() -> smallLimit.check(6_000)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).errorCode()).isEqualTo(BalanceErrorCode.BALANCE_LIMIT_EXCEEDED);
    }

    @Test
    void refusesAnInconsistentConfiguration() {
        assertThatThrownBy(() -> new ChargePolicy(2_000, 1_000, 1, 10_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChargePolicy(1_000, 2_000, 0, 10_000)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejectedAs(long amount, BalanceErrorCode code) {
        assertThatThrownBy(() -> policy.check(amount)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).errorCode()).isEqualTo(code);
    }
}
