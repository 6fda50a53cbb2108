package shop.commerce.coupon.domain;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.ErrorCode;

public enum CouponErrorCode implements ErrorCode {
    COUPON_NOT_FOUND(HttpStatus.NOT_FOUND, "Coupon not found"),
    COUPON_NOT_ISSUABLE(HttpStatus.CONFLICT, "Coupon not issuable now"),
    COUPON_ALREADY_ISSUED(HttpStatus.CONFLICT, "Coupon already issued"),
    COUPON_SOLD_OUT(HttpStatus.CONFLICT, "Coupon sold out"),
    COUPON_NOT_USABLE(HttpStatus.CONFLICT, "Coupon not usable");

    private final HttpStatus status;
    private final String title;

    CouponErrorCode(HttpStatus status, String title) {
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
