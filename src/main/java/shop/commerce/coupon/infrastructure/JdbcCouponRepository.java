package shop.commerce.coupon.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.CouponRepository;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.persistence.SqlTime;

@Repository
class JdbcCouponRepository implements CouponRepository {

    private final JdbcClient jdbc;

    JdbcCouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Coupon create(CouponDefinition definition, Instant now) {
        long id = jdbc.sql("""
                insert into coupon (name, discount_type, discount_value, max_discount_amount, min_order_amount,
                                    total_quantity, valid_days, issue_starts_at, issue_ends_at, created_at)
                values (:name, :discountType, :discountValue, :maxDiscountAmount, :minOrderAmount,
                        :totalQuantity, :validDays, :issueStartsAt, :issueEndsAt, :now)
                returning id
                """)
                .param("name", definition.name())
                .param("discountType", definition.discount().type().name())
                .param("discountValue", definition.discount().value())
                .param("maxDiscountAmount", definition.discount().maxDiscountAmount(), Types.BIGINT)
                .param("minOrderAmount", definition.discount().minOrderAmount())
                .param("totalQuantity", definition.totalQuantity())
                .param("validDays", definition.validDays())
                .param("issueStartsAt", SqlTime.param(definition.issueWindow().startsAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("issueEndsAt", SqlTime.param(definition.issueWindow().endsAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", SqlTime.param(now))
                .query(Long.class).single();
        return new Coupon(id, definition, 0);
    }

    @Override
    public Optional<Coupon> find(long couponId) {
        return jdbc.sql("""
                select id, name, discount_type, discount_value, max_discount_amount, min_order_amount,
                       total_quantity, issued_quantity, valid_days, issue_starts_at, issue_ends_at
                  from coupon
                 where id = :couponId
                """)
                .param("couponId", couponId)
                .query(JdbcCouponRepository::coupon).optional();
    }

    @Override
    public boolean anyExists() {
        return jdbc.sql("select exists (select 1 from coupon)").query(Boolean.class).single();
    }

    @Override
    public Optional<UserCoupon> issue(long couponId, long userId, Instant now) {
        // One statement, so the quota taken and the user coupon commit together or not at all: a
        // second coupon for the same user fails the unique index and undoes the quota update with it.
        try {
            return jdbc.sql("""
                    with taken as (
                        update coupon
                           set issued_quantity = issued_quantity + 1
                         where id = :couponId
                           and issued_quantity < total_quantity
                           and (issue_starts_at is null or issue_starts_at <= :now)
                           and (issue_ends_at is null or issue_ends_at > :now)
                        returning id, name, discount_type, discount_value, max_discount_amount, min_order_amount,
                                  valid_days
                    ), issued as (
                        insert into user_coupon (coupon_id, user_id, issued_at, expires_at)
                        select id, :userId, :now, :now + interval '24 hours' * valid_days from taken
                        returning id, coupon_id, user_id, issued_at, expires_at, used_at, order_id
                    )
                    select uc.id, uc.coupon_id, uc.user_id, uc.issued_at, uc.expires_at, uc.used_at, uc.order_id,
                           c.name, c.discount_type, c.discount_value, c.max_discount_amount, c.min_order_amount
                      from issued uc cross join taken c
                    """)
                    .param("couponId", couponId).param("userId", userId).param("now", SqlTime.param(now))
                    .query(CouponRows::userCoupon).optional();
        } catch (DuplicateKeyException alreadyHeld) {
            return Optional.empty();
        }
    }

    @Override
    public IssueRefusal whyNotIssued(long couponId, long userId, Instant now) {
        return jdbc.sql("""
                select id, name, discount_type, discount_value, max_discount_amount, min_order_amount,
                       total_quantity, issued_quantity, valid_days, issue_starts_at, issue_ends_at,
                       exists (select 1 from user_coupon where coupon_id = c.id and user_id = :userId) as held
                  from coupon c
                 where id = :couponId
                """)
                .param("couponId", couponId).param("userId", userId)
                .query((rs, n) -> coupon(rs, n).refusalAt(now, rs.getBoolean("held"))
                        // issued_quantity never goes down and the window depends only on now: a refused
                        // issue always leaves one of the reasons behind
                        .orElseThrow(() -> new IllegalStateException("Coupon issue refused without a reason")))
                .optional().orElse(IssueRefusal.NOT_FOUND);
    }

    @Override
    public List<Long> holders(long couponId) {
        return jdbc.sql("select user_id from user_coupon where coupon_id = :couponId")
                .param("couponId", couponId)
                .query(Long.class).list();
    }

    private static Coupon coupon(ResultSet rs, int rowNum) throws SQLException {
        CouponDefinition definition = new CouponDefinition(rs.getString("name"), CouponRows.discountRule(rs),
                rs.getInt("total_quantity"), rs.getInt("valid_days"),
                new IssueWindow(SqlTime.read(rs, "issue_starts_at"), SqlTime.read(rs, "issue_ends_at")));
        return new Coupon(rs.getLong("id"), definition, rs.getInt("issued_quantity"));
    }
}
