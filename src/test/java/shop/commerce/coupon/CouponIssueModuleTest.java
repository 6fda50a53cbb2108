package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.coupon.application.UserCouponResult;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.CouponIssueGate;
import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.coupon.domain.IssueWindow;
import shop.commerce.coupon.domain.UserCoupon;
import shop.commerce.coupon.domain.UserCouponStatus;

/**
 * First come, first served without HTTP: the refusals in the order docs/api.md gives them, the
 * issuing window, and the Redis gate in front of the quota the database enforces.
 */
@ApplicationModuleTest(extraIncludes = "support")
class CouponIssueModuleTest extends CouponSliceSupport {

    @Autowired
    CouponIssueGate gate;

    @Autowired
    CouponQueries queries;

    @Autowired
    RedissonClient redisson;

    @Test
    void issuesACouponThatExpiresAfterItsValidDays() {
        long couponId = create(fixed(10));
        UserCoupon issued = issue(1, couponId);

        assertThat(issued.expiresAt()).isEqualTo(issued.issuedAt().plus(Duration.ofDays(7)));
        assertThat(issued.issuedAt()).isCloseTo(clock.instant(), within(5, ChronoUnit.SECONDS));
        assertThat(tables().userCouponRows(couponId)).isEqualTo(1);
        assertThat(tables().issuedQuantity(couponId)).isEqualTo(1);
    }

    @Test
    void aUserGetsACouponOnlyOnce() {
        long couponId = create(fixed(10));
        issue(1, couponId);

        assertRefused(1, couponId, CouponErrorCode.COUPON_ALREADY_ISSUED);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(1);
        assertThat(tables().issuedQuantity(couponId)).isEqualTo(1);
    }

    @Test
    void refusesOnceTheQuantityIsIssued() {
        long couponId = create(fixed(2));
        issue(1, couponId);
        issue(2, couponId);

        assertRefused(3, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        assertThat(queries.coupon(couponId).remainingQuantity()).isZero();
        assertThat(tables().userCouponRows(couponId)).isEqualTo(2);
    }

    @Test
    void alreadyIssuedWinsOverSoldOut() {
        long couponId = create(fixed(1));
        issue(1, couponId);

        assertRefused(1, couponId, CouponErrorCode.COUPON_ALREADY_ISSUED);
        assertRefused(2, couponId, CouponErrorCode.COUPON_SOLD_OUT);
    }

    @Test
    void anUnknownCouponIsNotFound() {
        assertRefused(1, 4242, CouponErrorCode.COUPON_NOT_FOUND);
        create(fixed(1));
        assertRefused(1, 4242, CouponErrorCode.COUPON_NOT_FOUND);
    }

    @Test
    void issuesOnlyWithinTheWindowStartInclusiveEndExclusive() {
        Instant start = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofHours(1));
        long couponId = create(windowed(10, start, end));

        assertRefused(1, couponId, CouponErrorCode.COUPON_NOT_ISSUABLE);
        clock.advance(Duration.between(clock.instant(), start));
        issue(1, couponId);
        clock.advance(Duration.ofMinutes(59));
        issue(2, couponId);
        clock.advance(Duration.between(clock.instant(), end));

        assertRefused(3, couponId, CouponErrorCode.COUPON_NOT_ISSUABLE);
        assertRefused(1, couponId, CouponErrorCode.COUPON_NOT_ISSUABLE);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(2);
    }

    @Test
    void notIssuableWinsOverSoldOut() {
        long couponId = create(windowed(1, null, clock.instant().plus(Duration.ofHours(1))));
        issue(1, couponId);
        assertRefused(2, couponId, CouponErrorCode.COUPON_SOLD_OUT);

        clock.advance(Duration.ofHours(2));
        assertRefused(2, couponId, CouponErrorCode.COUPON_NOT_ISSUABLE);
    }

    @Test
    void aCouponExpiresAfterItsValidDaysWithoutAnyJob() {
        long couponId = create(new CouponDefinition("Three days", new DiscountRule(DiscountType.FIXED, 1000, null, 0),
                10, 3, IssueWindow.ALWAYS));
        issue(1, couponId);

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(queries.userCoupons(1, null)).extracting(UserCouponResult::status)
                .containsExactly(UserCouponStatus.AVAILABLE);
        clock.advance(Duration.ofMinutes(1));
        assertThat(queries.userCoupons(1, null)).extracting(UserCouponResult::status)
                .containsExactly(UserCouponStatus.EXPIRED);
    }

    @Test
    void listsAUsersCouponsNewestFirstFilteredByStatus() {
        long shortLived = create(validFor("One day", 1));
        long longLived = create(validFor("Thirty days", 30));
        long toUse = create(validFor("Used one", 30));
        long someoneElses = create(validFor("Not mine", 7));
        issue(1, shortLived);
        issue(1, longLived);
        long used = issue(1, toUse).id();
        issue(2, someoneElses);
        tables().markUsed(used, "order-1", clock.instant());
        clock.advance(Duration.ofDays(1));

        assertThat(queries.userCoupons(1, null)).extracting(r -> r.userCoupon().name(), UserCouponResult::status)
                .containsExactly(tuple("Used one", UserCouponStatus.USED),
                        tuple("Thirty days", UserCouponStatus.AVAILABLE),
                        tuple("One day", UserCouponStatus.EXPIRED));
        assertThat(queries.userCoupons(1, null).get(0).userCoupon().orderId()).isEqualTo("order-1");
        assertThat(namesOf(1, UserCouponStatus.AVAILABLE)).containsExactly("Thirty days");
        assertThat(namesOf(1, UserCouponStatus.USED)).containsExactly("Used one");
        assertThat(namesOf(1, UserCouponStatus.EXPIRED)).containsExactly("One day");
        assertThat(queries.userCoupons(3, null)).isEmpty();
    }

    @Test
    void theGateIsRebuiltFromTheDatabaseWhenRedisForgetsIt() {
        long couponId = create(fixed(3));
        issue(1, couponId);
        issue(2, couponId);

        redisson.getKeys().flushall();

        assertRefused(1, couponId, CouponErrorCode.COUPON_ALREADY_ISSUED);
        issue(3, couponId);
        assertRefused(4, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(3);
    }

    @Test
    void aClaimWhoseInstanceDiedFreesItsSlotWhenItsTimeRunsOut() {
        long couponId = create(fixed(1));
        // an instance claims the only slot for user 2, then dies before writing to the database
        assertThat(gate.claim(couponId, 2, "claim-of-a-dead-instance", clock.instant())).isEmpty();
        assertThat(pendingInGate(couponId).getScore("2").longValue() - System.currentTimeMillis())
                .isBetween(8_000L, 10_500L);

        assertRefused(3, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        pendingInGate(couponId).add(System.currentTimeMillis() - 1, "2"); // its claim TTL runs out

        issue(3, couponId);
        assertThat(pendingInGate(couponId).getScore("2")).isNull();
        assertThat(tables().userCouponRows(couponId)).isEqualTo(1);
    }

    @Test
    void aClaimSentAgainIsStillOneClaimAndOnlyItsOwnerGivesItBack() {
        long couponId = create(fixed(1));
        Instant now = clock.instant();
        assertThat(gate.claim(couponId, 2, "claim-a", now)).isEmpty();

        assertThat(gate.claim(couponId, 2, "claim-a", now)).isEmpty(); // the client resent the same command
        assertThat(gate.claim(couponId, 2, "claim-b", now)).isEmpty(); // the user's retry takes its claim over
        assertThat(gate.claim(couponId, 3, "claim-c", now)).contains(IssueRefusal.SOLD_OUT);
        gate.giveBack(couponId, 2, "claim-a"); // no longer the claim's owner
        assertThat(gate.claim(couponId, 3, "claim-c", now)).contains(IssueRefusal.SOLD_OUT);
        gate.giveBack(couponId, 2, "claim-b");
        assertThat(gate.claim(couponId, 3, "claim-c", now)).isEmpty();
    }

    @Test
    void aRetryAfterALostAnswerIsIssuedNotRefusedAsAlreadyIssued() {
        long couponId = create(fixed(1));
        // the claim script ran for the user's first request, and its answer never came back (503)
        assertThat(gate.claim(couponId, 2, "claim-whose-answer-was-lost", clock.instant())).isEmpty();

        assertRefused(3, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        issue(2, couponId); // the client's retry, with a new claim id
        assertRefused(2, couponId, CouponErrorCode.COUPON_ALREADY_ISSUED);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(1);
        assertThat(pendingInGate(couponId).isEmpty()).isTrue();
        assertThat(confirmedInGate(couponId).readAll()).containsExactly("2");
    }

    @Test
    void theDatabaseStillEnforcesOneCouponPerUserWhenTheGateForgetsAUser() {
        long couponId = create(fixed(5));
        issue(1, couponId);
        confirmedInGate(couponId).remove("1");

        assertRefused(1, couponId, CouponErrorCode.COUPON_ALREADY_ISSUED);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(1);
        assertThat(tables().issuedQuantity(couponId)).isEqualTo(1);
        assertThat(confirmedInGate(couponId).contains("1")).isTrue();
        assertThat(pendingInGate(couponId).isEmpty()).isTrue();
    }

    @Test
    void theDatabaseStillEnforcesTheQuotaWhenTheGateLetsTooManyThrough() {
        long couponId = create(fixed(2));
        issue(1, couponId);
        // another instance issued the last one and died before telling the gate
        jdbc.sql("""
                insert into user_coupon (coupon_id, user_id, issued_at, expires_at)
                values (:c, 2, now(), now() + interval '7 days')
                """).param("c", couponId).update();
        jdbc.sql("update coupon set issued_quantity = 2 where id = :c").param("c", couponId).update();

        assertRefused(3, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(2);
        assertThat(pendingInGate(couponId).isEmpty()).isTrue();
        assertThat(confirmedInGate(couponId).readAll()).containsExactlyInAnyOrder("1", "2");
        assertRefused(4, couponId, CouponErrorCode.COUPON_SOLD_OUT);
    }

    @Test
    void aRebuildResetsTheGateAfterTheDatabaseChangedUnderneath() {
        long couponId = create(fixed(2));
        issue(1, couponId);
        issue(2, couponId);
        assertRefused(3, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        // the database is restored to a point where user 1 held no coupon and the quota was 3
        jdbc.sql("delete from user_coupon where coupon_id = :c and user_id = 1").param("c", couponId).update();
        jdbc.sql("update coupon set issued_quantity = 1, total_quantity = 3 where id = :c").param("c", couponId)
                .update();

        gate.resynchronize(couponId);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // the instance's memory of the sell-out lasts a minute

        assertThat(confirmedInGate(couponId).readAll()).containsExactly("2");
        assertThat(redisson.<String, String>getMap("coupon-gate:{" + couponId + "}:definition", StringCodec.INSTANCE)
                .get("total")).isEqualTo("3");
        issue(1, couponId);
        issue(3, couponId);
        assertRefused(4, couponId, CouponErrorCode.COUPON_SOLD_OUT);
        assertThat(tables().userCouponRows(couponId)).isEqualTo(3);
    }

    private static CouponDefinition windowed(int totalQuantity, Instant startsAt, Instant endsAt) {
        return new CouponDefinition("Windowed", new DiscountRule(DiscountType.FIXED, 1000, null, 0), totalQuantity, 7,
                new IssueWindow(startsAt, endsAt));
    }

    private static CouponDefinition validFor(String name, int validDays) {
        return new CouponDefinition(name, new DiscountRule(DiscountType.FIXED, 1000, null, 0), 10, validDays,
                IssueWindow.ALWAYS);
    }

    private List<String> namesOf(long userId, UserCouponStatus status) {
        return queries.userCoupons(userId, status).stream().map(r -> r.userCoupon().name()).toList();
    }

    private RSet<String> confirmedInGate(long couponId) {
        return redisson.getSet("coupon-gate:{" + couponId + "}:confirmed", StringCodec.INSTANCE);
    }

    private RScoredSortedSet<String> pendingInGate(long couponId) {
        return redisson.getScoredSortedSet("coupon-gate:{" + couponId + "}:pending", StringCodec.INSTANCE);
    }
}
