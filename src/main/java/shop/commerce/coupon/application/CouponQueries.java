package shop.commerce.coupon.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponRepository;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.UserCouponRepository;
import shop.commerce.coupon.domain.UserCouponStatus;

@Service
public class CouponQueries {

    private final CouponRepository coupons;
    private final UserCouponRepository userCoupons;
    private final Clock clock;

    CouponQueries(CouponRepository coupons, UserCouponRepository userCoupons, Clock clock) {
        this.coupons = coupons;
        this.userCoupons = userCoupons;
        this.clock = clock;
    }

    /** The coupon with its issued quantity read live from the database. */
    public Coupon coupon(long couponId) {
        return coupons.find(couponId).orElseThrow(() -> IssueRefusal.NOT_FOUND.toException(couponId));
    }

    public boolean anyCouponExists() {
        return coupons.anyExists();
    }

    /** The user's coupons, newest first; only those in {@code status} now when it is not null. */
    public List<UserCouponResult> userCoupons(long userId, UserCouponStatus status) {
        Instant now = clock.instant();
        return userCoupons.ofUser(userId, status, now).stream()
                .map(userCoupon -> new UserCouponResult(userCoupon, userCoupon.statusAt(now)))
                .toList();
    }
}
