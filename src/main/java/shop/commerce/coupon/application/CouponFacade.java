package shop.commerce.coupon.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.coupon.CouponApi;
import shop.commerce.coupon.CouponErrorCode;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.coupon.domain.UserCouponRepository;
import shop.commerce.coupon.domain.UserCouponStatus;
import shop.commerce.support.error.BusinessException;

/** {@link CouponApi}: quoting coupons for orders and giving them back when an order is cancelled. */
@Service
class CouponFacade implements CouponApi {

    private final UserCouponRepository userCoupons;
    private final Clock clock;

    CouponFacade(UserCouponRepository userCoupons, Clock clock) {
        this.userCoupons = userCoupons;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public CouponDiscount quote(long userId, long userCouponId, long orderTotal) {
        Instant now = clock.instant();
        Optional<UserCoupon> owned = userCoupons.findOwned(userId, userCouponId);
        if (owned.isEmpty() || !owned.get().isUsableFor(orderTotal, now)) {
            throw notUsable(userCouponId, owned, orderTotal, now);
        }
        return discount(owned.get(), orderTotal);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CouponDiscount> discountIfUsable(long userId, long userCouponId, long orderTotal) {
        Instant now = clock.instant();
        return userCoupons.findOwned(userId, userCouponId)
                .filter(owned -> owned.isUsableFor(orderTotal, now))
                .map(owned -> discount(owned, orderTotal));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long userCouponId, String orderId) {
        userCoupons.release(userCouponId, orderId);
    }

    /** Largest discount first; between equals, the one expiring first, then the oldest. */
    @Override
    @Transactional(readOnly = true)
    public List<CouponDiscount> usableFor(long userId, long orderTotal) {
        return userCoupons.usable(userId, orderTotal, clock.instant()).stream()
                .sorted(Comparator.comparingLong((UserCoupon c) -> c.discountFor(orderTotal)).reversed()
                        .thenComparing(UserCoupon::expiresAt)
                        .thenComparingLong(UserCoupon::id))
                .map(userCoupon -> discount(userCoupon, orderTotal))
                .toList();
    }

    private static CouponDiscount discount(UserCoupon userCoupon, long orderTotal) {
        return new CouponDiscount(userCoupon.id(), userCoupon.name(), userCoupon.discountFor(orderTotal));
    }

    private static BusinessException notUsable(long userCouponId, Optional<UserCoupon> owned, long orderTotal,
            Instant now) {
        String reason = owned.map(userCoupon -> {
            UserCouponStatus status = userCoupon.statusAt(now);
            if (status != UserCouponStatus.AVAILABLE) {
                return "is " + status.name().toLowerCase();
            }
            return "needs an order of at least " + userCoupon.discount().minOrderAmount() + " KRW";
        }).orElse("is not one of the user's coupons");
        return new BusinessException(CouponErrorCode.COUPON_NOT_USABLE, "User coupon " + userCouponId + " " + reason);
    }
}
