package shop.commerce.coupon;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The coupon quota's truth, read from the database, and what a paid order leaves on a user coupon. */
record CouponTables(JdbcClient jdbc) {

    long userCouponRows(long couponId) {
        return jdbc.sql("select count(*) from user_coupon where coupon_id = :c").param("c", couponId)
                .query(Long.class).single();
    }

    long distinctHolders(long couponId) {
        return jdbc.sql("select count(distinct user_id) from user_coupon where coupon_id = :c").param("c", couponId)
                .query(Long.class).single();
    }

    int issuedQuantity(long couponId) {
        return jdbc.sql("select issued_quantity from coupon where id = :c").param("c", couponId)
                .query(Integer.class).single();
    }

    /** What an order paying with the coupon leaves (orders use coupons in their payment statement). */
    void markUsed(long userCouponId, String orderId, Instant now) {
        jdbc.sql("update user_coupon set used_at = :now, order_id = :orderId where id = :id")
                .param("now", Timestamp.from(now)).param("orderId", orderId).param("id", userCouponId).update();
    }

    String orderOf(long userCouponId) {
        return jdbc.sql("select order_id from user_coupon where id = :id").param("id", userCouponId)
                .query(String.class).list().get(0);
    }
}
