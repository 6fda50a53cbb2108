package shop.commerce.balance;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.ErrorCode;

/** The balance's error codes; part of its public API because ordering refuses with them too. */
public enum BalanceErrorCode implements ErrorCode {
    INVALID_CHARGE_AMOUNT(HttpStatus.BAD_REQUEST),
    BALANCE_LIMIT_EXCEEDED(HttpStatus.CONFLICT),
    INSUFFICIENT_BALANCE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    BalanceErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    public static BusinessException insufficientBalance(long amount) {
        return new BusinessException(INSUFFICIENT_BALANCE, "The balance is lower than " + amount);
    }
}
