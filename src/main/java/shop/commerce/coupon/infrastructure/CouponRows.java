package shop.commerce.coupon.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;

import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.persistence.SqlTime;

/** Reads the columns the coupon queries share. */
final class CouponRows {

    static final String USER_COUPON_COLUMNS = """
            uc.id, uc.coupon_id, uc.user_id, uc.issued_at, uc.expires_at, uc.used_at, uc.order_id,
            c.name, c.discount_type, c.discount_value, c.max_discount_amount, c.min_order_amount""";

    private CouponRows() {
    }

    static DiscountRule discountRule(ResultSet rs) throws SQLException {
        return new DiscountRule(DiscountType.valueOf(rs.getString("discount_type")), rs.getLong("discount_value"),
                rs.getObject("max_discount_amount", Long.class), rs.getLong("min_order_amount"));
    }

    static UserCoupon userCoupon(ResultSet rs, int rowNum) throws SQLException {
        return new UserCoupon(rs.getLong("id"), rs.getLong("coupon_id"), rs.getLong("user_id"), rs.getString("name"),
                discountRule(rs), SqlTime.read(rs, "issued_at"), SqlTime.read(rs, "expires_at"),
                SqlTime.read(rs, "used_at"), rs.getString("order_id"));
    }
}
