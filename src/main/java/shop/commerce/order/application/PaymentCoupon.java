package shop.commerce.order.application;

/**
 * The coupon a payment uses: the one quoted when the order was placed, or one the payment names
 * ({@code null}: none).
 */
public record PaymentCoupon(boolean named, Long userCouponId) {

    public static final PaymentCoupon QUOTED = new PaymentCoupon(false, null);

    public static PaymentCoupon named(Long userCouponId) {
        return new PaymentCoupon(true, userCouponId);
    }

    Long resolve(Long quoted) {
        return named ? userCouponId : quoted;
    }
}
