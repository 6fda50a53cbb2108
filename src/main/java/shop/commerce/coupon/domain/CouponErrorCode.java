package shop.commerce.coupon.domain;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.ErrorCode;

public enum CouponErrorCode implements ErrorCode {
    COUPON_NOT_FOUND(HttpStatus.NOT_FOUND),
    COUPON_NOT_ISSUABLE(HttpStatus.CONFLICT),
    COUPON_ALREADY_ISSUED(HttpStatus.CONFLICT),
    COUPON_SOLD_OUT(HttpStatus.CONFLICT),
    COUPON_NOT_USABLE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    CouponErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
