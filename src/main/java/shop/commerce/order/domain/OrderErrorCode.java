package shop.commerce.order.domain;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.ErrorCode;

public enum OrderErrorCode implements ErrorCode {
    OPTION_REQUIRED(HttpStatus.BAD_REQUEST),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND),
    EMPTY_CART(HttpStatus.CONFLICT),
    ORDER_NOT_PAYABLE(HttpStatus.CONFLICT),
    ORDER_NOT_CANCELLABLE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    OrderErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
