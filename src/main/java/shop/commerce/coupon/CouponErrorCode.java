package shop.commerce.coupon;

import shop.commerce.support.error.BusinessErrorCode;
import shop.commerce.support.error.ErrorKind;

/** The coupons' error codes; part of its public API because ordering refuses with them too ({@link CouponApi}). */
public enum CouponErrorCode implements BusinessErrorCode {
    COUPON_NOT_FOUND(ErrorKind.NOT_FOUND),
    COUPON_NOT_ISSUABLE(ErrorKind.CONFLICT),
    COUPON_ALREADY_ISSUED(ErrorKind.CONFLICT),
    COUPON_SOLD_OUT(ErrorKind.CONFLICT),
    COUPON_NOT_USABLE(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    CouponErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
