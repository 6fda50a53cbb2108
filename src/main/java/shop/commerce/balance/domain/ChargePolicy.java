package shop.commerce.balance.domain;

import shop.commerce.balance.BalanceErrorCode;
import shop.commerce.support.error.BusinessException;

/** The rules a charge must meet before it reaches the balance. */
public record ChargePolicy(long minCharge, long maxCharge, long chargeUnit, long maxBalance) {

    public ChargePolicy {
        if (minCharge < 1 || maxCharge < minCharge || chargeUnit < 1 || maxBalance < 1) {
            throw new IllegalArgumentException("Inconsistent charge policy: min " + minCharge + ", max " + maxCharge
                    + ", unit " + chargeUnit + ", max balance " + maxBalance);
        }
    }

    /** Refuses an amount that is not positive, outside [min, max] or not a multiple of the unit. */
    public void check(long amount) {
        if (amount <= 0) {
            throw invalid("The amount must be positive");
        }
        if (amount < minCharge) {
            throw invalid("The amount must be at least " + minCharge);
        }
        if (amount > maxCharge) {
            throw invalid("The amount must be at most " + maxCharge);
        }
        if (amount % chargeUnit != 0) {
            throw invalid("The amount must be a multiple of " + chargeUnit);
        }
        if (amount > maxBalance) {
            throw limitExceeded();
        }
    }

    public BusinessException limitExceeded() {
        return new BusinessException(BalanceErrorCode.BALANCE_LIMIT_EXCEEDED,
                "A balance may not exceed " + maxBalance);
    }

    private static BusinessException invalid(String detail) {
        return new BusinessException(BalanceErrorCode.INVALID_CHARGE_AMOUNT, detail);
    }
}
