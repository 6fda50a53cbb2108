package shop.commerce.balance.domain;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.ErrorCode;

public enum BalanceErrorCode implements ErrorCode {
    INVALID_CHARGE_AMOUNT(HttpStatus.BAD_REQUEST, "Invalid charge amount"),
    BALANCE_LIMIT_EXCEEDED(HttpStatus.CONFLICT, "Balance limit exceeded"),
    INSUFFICIENT_BALANCE(HttpStatus.CONFLICT, "Insufficient balance");

    private final HttpStatus status;
    private final String title;

    BalanceErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
