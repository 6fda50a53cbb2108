package shop.commerce.coupon.domain;

import java.util.Objects;

/**
 * A coupon as an administrator defines it. Definitions never change once created, so they may be
 * cached; how many were issued is not part of it. A user coupon expires {@code validDays} days of
 * 24 hours after it was issued.
 */
public record CouponDefinition(String name, DiscountRule discount, int totalQuantity, int validDays,
        IssueWindow issueWindow) {

    public static final int MAX_VALID_DAYS = 365;

    public CouponDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A coupon needs a name");
        }
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(issueWindow, "issueWindow");
        if (totalQuantity < 1) {
            throw new IllegalArgumentException("totalQuantity must be at least 1");
        }
        if (validDays < 1 || validDays > MAX_VALID_DAYS) {
            throw new IllegalArgumentException("validDays must be 1.." + MAX_VALID_DAYS);
        }
    }
}
