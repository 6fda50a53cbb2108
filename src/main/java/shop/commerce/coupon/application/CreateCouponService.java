package shop.commerce.coupon.application;

import java.time.Clock;

import org.springframework.stereotype.Service;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.CouponRepository;

/** Creates coupons. Their issue gate is built on the first issuing request, from the database. */
@Service
public class CreateCouponService {

    private final CouponRepository coupons;
    private final Clock clock;

    CreateCouponService(CouponRepository coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    public Coupon create(CouponDefinition definition) {
        return coupons.create(definition, clock.instant());
    }
}
