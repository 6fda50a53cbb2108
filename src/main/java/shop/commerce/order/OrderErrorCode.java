package shop.commerce.order;

import shop.commerce.support.error.BusinessErrorCode;
import shop.commerce.support.error.ErrorKind;

public enum OrderErrorCode implements BusinessErrorCode {
    OPTION_REQUIRED(ErrorKind.INVALID),
    ORDER_NOT_FOUND(ErrorKind.NOT_FOUND),
    EMPTY_CART(ErrorKind.CONFLICT),
    TOO_MANY_PENDING_ORDERS(ErrorKind.CONFLICT),
    ORDER_NOT_PAYABLE(ErrorKind.CONFLICT),
    ORDER_NOT_CANCELLABLE(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    OrderErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
