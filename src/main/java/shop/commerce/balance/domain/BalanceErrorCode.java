package shop.commerce.balance.domain;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.ErrorCode;

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
}
