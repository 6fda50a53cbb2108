package shop.commerce.coupon.domain;

import java.time.Instant;

/** Computed from the clock, so no job has to move a coupon from one status to another. */
public enum UserCouponStatus {
    AVAILABLE, USED, EXPIRED;

    public static UserCouponStatus of(Instant usedAt, Instant expiresAt, Instant now) {
        if (usedAt != null) {
            return USED;
        }
        return now.isBefore(expiresAt) ? AVAILABLE : EXPIRED;
    }
}
