package shop.commerce.order.domain;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.ErrorCode;

public enum OrderErrorCode implements ErrorCode {
    OPTION_REQUIRED(HttpStatus.BAD_REQUEST, "Option required"),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "Order not found"),
    EMPTY_CART(HttpStatus.CONFLICT, "Empty cart"),
    ORDER_NOT_PAYABLE(HttpStatus.CONFLICT, "Order not payable"),
    ORDER_NOT_CANCELLABLE(HttpStatus.CONFLICT, "Order not cancellable");

    private final HttpStatus status;
    private final String title;

    OrderErrorCode(HttpStatus status, String title) {
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
