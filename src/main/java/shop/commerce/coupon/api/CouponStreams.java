package shop.commerce.coupon.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.support.web.EventStreamProperties;
import shop.commerce.support.web.LiveEventStreams;

/**
 * The open {@code /api/v1/coupons/{couponId}/events} streams of this instance: each poll reads every
 * watched coupon once and sends a {@code coupon} event to the streams whose coupon changed (its
 * remaining quantity, during a first-come event).
 */
@Component
class CouponStreams extends LiveEventStreams<Long, CouponResponse> {

    CouponStreams(CouponQueries queries, EventStreamProperties properties) {
        super("coupon", couponIds -> {
            Map<Long, CouponResponse> coupons = new LinkedHashMap<>();
            couponIds.forEach(id -> coupons.put(id, CouponResponse.from(queries.coupon(id))));
            return coupons;
        }, properties);
    }
}
