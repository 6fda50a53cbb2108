package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import shop.commerce.coupon.domain.Coupon;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.coupon.domain.UserCouponStatus;

class CouponStatusTest {

    private static final Instant ISSUED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofDays(7));

    @Test
    void anUnusedCouponIsAvailableUntilItExpires() {
        assertThat(UserCouponStatus.of(null, EXPIRES, ISSUED)).isEqualTo(UserCouponStatus.AVAILABLE);
        assertThat(UserCouponStatus.of(null, EXPIRES, EXPIRES.minusNanos(1_000))).isEqualTo(UserCouponStatus.AVAILABLE);
    }

    @Test
    void anUnusedCouponIsExpiredFromItsExpiryOn() {
        assertThat(UserCouponStatus.of(null, EXPIRES, EXPIRES)).isEqualTo(UserCouponStatus.EXPIRED);
        assertThat(UserCouponStatus.of(null, EXPIRES, EXPIRES.plusSeconds(60))).isEqualTo(UserCouponStatus.EXPIRED);
    }

    @Test
    void aUsedCouponStaysUsedEvenAfterItsExpiry() {
        Instant usedAt = ISSUED.plusSeconds(3600);
        assertThat(UserCouponStatus.of(usedAt, EXPIRES, usedAt)).isEqualTo(UserCouponStatus.USED);
        assertThat(UserCouponStatus.of(usedAt, EXPIRES, EXPIRES.plusSeconds(1))).isEqualTo(UserCouponStatus.USED);
    }

    @Test
    void aCouponIsUsableOnlyWhenAvailableAndTheMinimumIsMet() {
        UserCoupon coupon = new UserCoupon(1, 1, 1, "Min 20,000", new DiscountRule(DiscountType.FIXED, 2_000, null,
                20_000), ISSUED, EXPIRES, null, null);
        assertThat(coupon.isUsableFor(20_000, ISSUED)).isTrue();
        assertThat(coupon.isUsableFor(19_999, ISSUED)).isFalse();
        assertThat(coupon.isUsableFor(20_000, EXPIRES)).isFalse();
    }

    @Test
    void theIssuingWindowIncludesItsStartAndExcludesItsEnd() {
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        Instant end = Instant.parse("2026-11-21T00:00:00Z");
        IssueWindow window = new IssueWindow(start, end);
        assertThat(window.isOpenAt(start.minusNanos(1_000))).isFalse();
        assertThat(window.isOpenAt(start)).isTrue();
        assertThat(window.isOpenAt(end.minusNanos(1_000))).isTrue();
        assertThat(window.isOpenAt(end)).isFalse();
        assertThat(IssueWindow.ALWAYS.isOpenAt(end)).isTrue();
        assertThat(new IssueWindow(null, end).isOpenAt(Instant.EPOCH)).isTrue();
        assertThat(new IssueWindow(start, null).isOpenAt(end.plusSeconds(86_400 * 365L))).isTrue();
    }

    @Test
    void anIssueIsRefusedForTheFirstReasonInTheApisOrder() {
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        Instant end = Instant.parse("2026-11-21T00:00:00Z");
        Coupon soldOut = new Coupon(1, new CouponDefinition("Windowed", new DiscountRule(DiscountType.FIXED, 1000,
                null, 0), 2, 7, new IssueWindow(start, end)), 2);
        Coupon left = new Coupon(2, soldOut.definition(), 1);

        assertThat(soldOut.refusalAt(end, true)).contains(IssueRefusal.NOT_ISSUABLE);
        assertThat(soldOut.refusalAt(start, true)).contains(IssueRefusal.ALREADY_ISSUED);
        assertThat(soldOut.refusalAt(start, false)).contains(IssueRefusal.SOLD_OUT);
        assertThat(left.refusalAt(start, true)).contains(IssueRefusal.ALREADY_ISSUED);
        assertThat(left.refusalAt(start, false)).isEmpty();
    }

    @Test
    void anIssuingWindowMustEndAfterItStarts() {
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        assertThatThrownBy(() -> new IssueWindow(start, start)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssueWindow(start, start.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
