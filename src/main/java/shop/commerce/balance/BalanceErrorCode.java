package shop.commerce.balance;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.BusinessErrorCode;
import shop.commerce.support.error.ErrorKind;

/** The balance's error codes; part of its public API because ordering refuses with them too. */
public enum BalanceErrorCode implements BusinessErrorCode {
    INVALID_CHARGE_AMOUNT(ErrorKind.INVALID),
    BALANCE_LIMIT_EXCEEDED(ErrorKind.CONFLICT),
    INSUFFICIENT_BALANCE(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    BalanceErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    public static BusinessException insufficientBalance(long amount) {
        return new BusinessException(INSUFFICIENT_BALANCE, "The balance is lower than " + amount);
    }
}
