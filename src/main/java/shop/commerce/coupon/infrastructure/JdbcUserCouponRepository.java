package shop.commerce.coupon.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.coupon.domain.UserCouponRepository;
import shop.commerce.coupon.domain.UserCouponStatus;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcUserCouponRepository implements UserCouponRepository {

    private static final String SELECT_USER_COUPONS = "select " + CouponRows.USER_COUPON_COLUMNS
            + "\n  from user_coupon uc join coupon c on c.id = uc.coupon_id\n";

    private final JdbcClient jdbc;

    JdbcUserCouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UserCoupon> ofUser(long userId, UserCouponStatus status, Instant now) {
        String inStatus = status == null ? "" : switch (status) {
            case AVAILABLE -> " and uc.used_at is null and uc.expires_at > :now";
            case USED -> " and uc.used_at is not null";
            case EXPIRED -> " and uc.used_at is null and uc.expires_at <= :now";
        };
        JdbcClient.StatementSpec query = jdbc.sql(SELECT_USER_COUPONS
                + " where uc.user_id = :userId" + inStatus + "\n order by uc.id desc")
                .param("userId", userId);
        if (inStatus.contains(":now")) {
            query = query.param("now", SqlTime.param(now));
        }
        return query.query(CouponRows::userCoupon).list();
    }

    @Override
    public Optional<UserCoupon> findOwned(long userId, long userCouponId) {
        return jdbc.sql(SELECT_USER_COUPONS + " where uc.id = :userCouponId and uc.user_id = :userId")
                .param("userCouponId", userCouponId).param("userId", userId)
                .query(CouponRows::userCoupon).optional();
    }

    @Override
    public boolean release(long userCouponId, String orderId) {
        return jdbc.sql("""
                update user_coupon
                   set used_at = null, order_id = null
                 where id = :userCouponId and order_id = :orderId
                """)
                .param("userCouponId", userCouponId).param("orderId", orderId)
                .update() == 1;
    }

    @Override
    public List<UserCoupon> usable(long userId, long orderTotal, Instant now) {
        return jdbc.sql(SELECT_USER_COUPONS + """
                 where uc.user_id = :userId
                   and coupon_usable(uc.user_id, uc.used_at, uc.expires_at, c.min_order_amount, :userId,
                                     :orderTotal, :now)
                """)
                .param("userId", userId).param("orderTotal", orderTotal).param("now", SqlTime.param(now))
                .query(CouponRows::userCoupon).list();
    }
}
