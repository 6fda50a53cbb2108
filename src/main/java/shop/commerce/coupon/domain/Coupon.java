package shop.commerce.coupon.domain;

/** A coupon with how many of it have been issued, as the database counts them. */
public record Coupon(long id, CouponDefinition definition, int issuedQuantity) {

    public int remainingQuantity() {
        return definition.totalQuantity() - issuedQuantity;
    }
}
