package shop.commerce.coupon.application;

public record IssueCouponCommand(long userId, long couponId) {
}
