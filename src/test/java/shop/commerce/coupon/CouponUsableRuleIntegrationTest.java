package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.support.persistence.SqlTime;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * "Coupon usable" has a Java text (the quote: the owner's coupon, then {@link UserCoupon#isUsableFor})
 * and one SQL text ({@code coupon_usable} in R__coupon_use.sql, used by the payment statement and the
 * usable-coupons query). Both give the same answer on every combination of owner, use, expiry and
 * minimum order amount, at and around each boundary.
 */
class CouponUsableRuleIntegrationTest extends IntegrationTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final long OWNER = 7;

    @Test
    void javaAndSqlAgreeOnEveryCase() {
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (long caller : new long[] { OWNER, OWNER + 1 }) {
            for (Instant usedAt : new Instant[] { null, NOW.minusSeconds(60) }) {
                for (Instant expiresAt : new Instant[] { NOW.minusMillis(1), NOW, NOW.plusMillis(1) }) {
                    for (long minOrder : new long[] { 9_999, 10_000, 10_001 }) {
                        UserCoupon coupon = new UserCoupon(1, 1, OWNER, "c",
                                new DiscountRule(DiscountType.FIXED, 1_000, null, minOrder), NOW.minusSeconds(3600),
                                expiresAt, usedAt, usedAt == null ? null : "order-1");
                        boolean java = coupon.userId() == caller && coupon.isUsableFor(10_000, NOW);
                        boolean sql = jdbc.sql("select coupon_usable(:owner, :usedAt, :expiresAt, :minOrder, :caller,"
                                + " 10000, :now)")
                                .param("owner", OWNER).param("usedAt", SqlTime.param(usedAt))
                                .param("expiresAt", SqlTime.param(expiresAt)).param("minOrder", minOrder)
                                .param("caller", caller).param("now", SqlTime.param(NOW))
                                .query(Boolean.class).single();
                        cases++;
                        if (java != sql) {
                            disagreements.add(coupon + " caller " + caller + ": Java " + java + ", SQL " + sql);
                        }
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(36);
        assertThat(disagreements).isEmpty();
    }
}
