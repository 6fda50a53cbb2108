package shop.commerce.coupon.domain;

import shop.commerce.coupon.CouponErrorCode;
import shop.commerce.support.error.BusinessException;

/** Why a coupon was not issued, in the order of precedence docs/api.md gives them. */
public enum IssueRefusal {
    NOT_FOUND(CouponErrorCode.COUPON_NOT_FOUND, "No coupon %d exists"),
    NOT_ISSUABLE(CouponErrorCode.COUPON_NOT_ISSUABLE, "Coupon %d is not issued at this time"),
    ALREADY_ISSUED(CouponErrorCode.COUPON_ALREADY_ISSUED, "Coupon %d was already issued to this user"),
    SOLD_OUT(CouponErrorCode.COUPON_SOLD_OUT, "Coupon %d is sold out");

    private final CouponErrorCode code;
    private final String detail;

    IssueRefusal(CouponErrorCode code, String detail) {
        this.code = code;
        this.detail = detail;
    }

    public BusinessException toException(long couponId) {
        return new BusinessException(code, detail.formatted(couponId));
    }
}
