package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RScoredSortedSet;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

import io.restassured.path.json.JsonPath;
import shop.commerce.coupon.domain.CouponIssueGate;
import shop.commerce.coupon.domain.IssueRefusal;
import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.EmbeddedInfrastructure;

class CouponIssueIntegrationTest extends CouponTestSupport {

    @Autowired
    CouponIssueGate gate;

    @Test
    void issuesACouponThatExpiresAfterItsValidDays() {
        long couponId = createCoupon(10, "name", "Welcome 10%", "discountType", "PERCENT", "discountValue", 10);

        JsonPath issued = issue(1, couponId)
                .statusCode(201)
                .contentType("application/json")
                .body("userCouponId", equalTo(1))
                .body("couponId", equalTo((int) couponId))
                .body("userId", equalTo(1))
                .body("name", equalTo("Welcome 10%"))
                .body("discountType", equalTo("PERCENT"))
                .body("discountValue", equalTo(10))
                .body("status", equalTo("AVAILABLE"))
                .body("usedAt", nullValue())
                .body("orderId", nullValue())
                .extract().jsonPath();

        Instant issuedAt = Instant.parse(issued.getString("issuedAt"));
        assertThat(Instant.parse(issued.getString("expiresAt"))).isEqualTo(issuedAt.plus(Duration.ofDays(7)));
        assertThat(issuedAt).isCloseTo(clock.instant(), within(5, ChronoUnit.SECONDS));
        assertThat(userCouponRows(couponId)).isEqualTo(1);
        assertThat(issuedQuantity(couponId)).isEqualTo(1);
    }

    @Test
    void aUserGetsACouponOnlyOnce() {
        long couponId = createCoupon(10);
        issue(1, couponId).statusCode(201);

        issue(1, couponId).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("COUPON_ALREADY_ISSUED"));
        assertThat(userCouponRows(couponId)).isEqualTo(1);
        assertThat(issuedQuantity(couponId)).isEqualTo(1);
    }

    @Test
    void refusesOnceTheQuantityIsIssued() {
        long couponId = createCoupon(2);
        issue(1, couponId).statusCode(201);
        issue(2, couponId).statusCode(201);

        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        anonymous().get("/api/v1/coupons/" + couponId).then()
                .body("issuedQuantity", equalTo(2)).body("remainingQuantity", equalTo(0));
        assertThat(userCouponRows(couponId)).isEqualTo(2);
    }

    @Test
    void alreadyIssuedWinsOverSoldOut() {
        long couponId = createCoupon(1);
        issue(1, couponId).statusCode(201);

        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        issue(2, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
    }

    @Test
    void anUnknownCouponIsNotFound() {
        issue(1, 4242).statusCode(404).body("code", equalTo("COUPON_NOT_FOUND"));
        createCoupon(1);
        issue(1, 4242).statusCode(404).body("code", equalTo("COUPON_NOT_FOUND"));
    }

    @Test
    void issuesOnlyWithinTheWindowStartInclusiveEndExclusive() {
        Instant start = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofHours(1));
        long couponId = createCoupon(10, "issueStartsAt", start.toString(), "issueEndsAt", end.toString());

        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_NOT_ISSUABLE"));
        clock.advance(Duration.between(clock.instant(), start));
        issue(1, couponId).statusCode(201);
        clock.advance(Duration.ofMinutes(59));
        issue(2, couponId).statusCode(201);
        clock.advance(Duration.between(clock.instant(), end));

        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_NOT_ISSUABLE"));
        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_NOT_ISSUABLE"));
        assertThat(userCouponRows(couponId)).isEqualTo(2);
    }

    @Test
    void notIssuableWinsOverSoldOut() {
        Instant end = clock.instant().plus(Duration.ofHours(1));
        long couponId = createCoupon(1, "issueEndsAt", end.toString());
        issue(1, couponId).statusCode(201);
        issue(2, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));

        clock.advance(Duration.ofHours(2));
        issue(2, couponId).statusCode(409).body("code", equalTo("COUPON_NOT_ISSUABLE"));
    }

    @Test
    void aCouponExpiresAfterItsValidDaysWithoutAnyJob() {
        long couponId = createCoupon(10, "validDays", 3);
        issue(1, couponId).statusCode(201);

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        asUser(1).get("/api/v1/users/1/coupons").then().body("[0].status", equalTo("AVAILABLE"));
        clock.advance(Duration.ofMinutes(1));
        asUser(1).get("/api/v1/users/1/coupons").then().body("[0].status", equalTo("EXPIRED"));
    }

    @Test
    void listsAUsersCouponsNewestFirstFilteredByStatus() {
        long shortLived = createCoupon(10, "name", "One day", "validDays", 1);
        long longLived = createCoupon(10, "name", "Thirty days", "validDays", 30);
        long toUse = createCoupon(10, "name", "Used one", "validDays", 30);
        long someoneElses = createCoupon(10, "name", "Not mine");
        issue(1, shortLived).statusCode(201);
        issue(1, longLived).statusCode(201);
        long usedCouponId = issue(1, toUse).statusCode(201).extract().jsonPath().getLong("userCouponId");
        issue(2, someoneElses).statusCode(201);
        markUsed(usedCouponId, "order-1");
        clock.advance(Duration.ofDays(1));

        asUser(1).get("/api/v1/users/1/coupons").then().statusCode(200)
                .body("name", contains("Used one", "Thirty days", "One day"))
                .body("status", contains("USED", "AVAILABLE", "EXPIRED"))
                .body("[0].orderId", equalTo("order-1"))
                .body("[0].usedAt", notNullValue());
        asUser(1).get("/api/v1/users/1/coupons?status=AVAILABLE").then().statusCode(200)
                .body("name", contains("Thirty days"));
        asUser(1).get("/api/v1/users/1/coupons?status=USED").then().statusCode(200)
                .body("name", contains("Used one"));
        asUser(1).get("/api/v1/users/1/coupons?status=EXPIRED").then().statusCode(200)
                .body("name", contains("One day"));
        asUser(3).get("/api/v1/users/3/coupons").then().statusCode(200).body("$", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "SPENT", "available", "AVAILABLE,USED" })
    void anUnknownStatusFilterIsABadRequest(String status) {
        asUser(1).get("/api/v1/users/1/coupons?status=" + status).then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void aCouponIdIsRequiredToIssue() {
        asUser(1).body("{}").post("/api/v1/users/1/coupons").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("couponId"));
        asUser(1).body("{\"couponId\":null}").post("/api/v1/users/1/coupons").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        asUser(1).body("{\"couponId\":0}").post("/api/v1/users/1/coupons").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"couponId\":\"three\"}", "{\"couponId\":1.5}", "{\"couponId\":99999999999999999999}",
            "not json" })
    void anUnreadableIssueRequestIsABadRequest(String body) {
        asUser(1).body(body).post("/api/v1/users/1/coupons").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void aUserCannotTakeOrReadAnotherUsersCoupons() {
        long couponId = createCoupon(10);
        asUser(2).body("{\"couponId\":" + couponId + "}").post("/api/v1/users/1/coupons")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        asUser(2).get("/api/v1/users/1/coupons").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(userCouponRows(couponId)).isZero();
    }

    @Test
    void anAdministratorMayReadButNotTakeAUsersCoupons() {
        long couponId = createCoupon(10);
        issue(1, couponId).statusCode(201);

        asAdmin(ADMIN).get("/api/v1/users/1/coupons").then().statusCode(200).body("$", hasSize(1));
        asAdmin(ADMIN).body("{\"couponId\":" + couponId + "}").post("/api/v1/users/1/coupons")
                .then().statusCode(403);
    }

    @Test
    void issuingAndListingRequireAToken() {
        long couponId = createCoupon(10);
        anonymous().body("{\"couponId\":" + couponId + "}").post("/api/v1/users/1/coupons")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        anonymous().get("/api/v1/users/1/coupons").then().statusCode(401);
    }

    @Test
    void issuingIsRateLimitedPerUser() throws Exception {
        long couponId = createCoupon(10);
        String token = token(1, Role.USER);
        // a burst of 100, refilled at 20 a second: 200 requests at once cannot all pass
        List<Result> results = ConcurrentRequests.run(200,
                i -> Call.post(issueUrl(1), token, "{\"couponId\":" + couponId + "}"));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 429).isNotEmpty()
                .allMatch(r -> r.body().contains("\"RATE_LIMITED\""));
        assertThat(results).filteredOn(r -> r.status() != 201 && r.status() != 429)
                .allMatch(r -> r.status() == 409 && r.body().contains("\"COUPON_ALREADY_ISSUED\""));
        issue(2, couponId).statusCode(201);
        assertThat(userCouponRows(couponId)).isEqualTo(2);
    }

    @Test
    void theGateIsRebuiltFromTheDatabaseWhenRedisForgetsIt() {
        long couponId = createCoupon(3);
        issue(1, couponId).statusCode(201);
        issue(2, couponId).statusCode(201);

        redisson.getKeys().flushall();

        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        issue(3, couponId).statusCode(201);
        issue(4, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        assertThat(userCouponRows(couponId)).isEqualTo(3);
    }

    @Test
    void aClaimWhoseInstanceDiedFreesItsSlotWhenItsTimeRunsOut() {
        long couponId = createCoupon(1);
        RScoredSortedSet<String> pending = redisson.getScoredSortedSet("coupon-gate:{" + couponId + "}:pending",
                StringCodec.INSTANCE);
        // an instance claims the only slot for user 2, then dies before writing to the database
        assertThat(gate.claim(couponId, 2, "claim-of-a-dead-instance", clock.instant())).isEmpty();
        assertThat(pending.getScore("2").longValue() - System.currentTimeMillis()).isBetween(8_000L, 10_500L);

        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        pending.add(System.currentTimeMillis() - 1, "2"); // its claim TTL runs out

        issue(3, couponId).statusCode(201);
        assertThat(pending.getScore("2")).isNull();
        assertThat(userCouponRows(couponId)).isEqualTo(1);
    }

    @Test
    void aClaimSentAgainIsStillOneClaimAndOnlyItsOwnerGivesItBack() {
        long couponId = createCoupon(1);
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
        long couponId = createCoupon(1);
        // the claim script ran for the user's first request, and its answer never came back (503)
        assertThat(gate.claim(couponId, 2, "claim-whose-answer-was-lost", clock.instant())).isEmpty();

        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        issue(2, couponId).statusCode(201); // the client's retry, with a new claim id
        issue(2, couponId).statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        assertThat(userCouponRows(couponId)).isEqualTo(1);
        assertThat(pendingInGate(couponId).isEmpty()).isTrue();
        assertThat(confirmedInGate(couponId).readAll()).containsExactly("2");
    }

    @Test
    void theDatabaseStillEnforcesOneCouponPerUserWhenTheGateForgetsAUser() {
        long couponId = createCoupon(5);
        issue(1, couponId).statusCode(201);
        confirmedInGate(couponId).remove("1");

        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        assertThat(userCouponRows(couponId)).isEqualTo(1);
        assertThat(issuedQuantity(couponId)).isEqualTo(1);
        assertThat(confirmedInGate(couponId).contains("1")).isTrue();
        assertThat(pendingInGate(couponId).isEmpty()).isTrue();
    }

    @Test
    void theDatabaseStillEnforcesTheQuotaWhenTheGateLetsTooManyThrough() {
        long couponId = createCoupon(2);
        issue(1, couponId).statusCode(201);
        // another instance issued the last one and died before telling the gate
        jdbc.sql("""
                insert into user_coupon (coupon_id, user_id, issued_at, expires_at)
                values (:c, 2, now(), now() + interval '7 days')
                """).param("c", couponId).update();
        jdbc.sql("update coupon set issued_quantity = 2 where id = :c").param("c", couponId).update();

        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        assertThat(userCouponRows(couponId)).isEqualTo(2);
        assertThat(pendingInGate(couponId).isEmpty()).isTrue();
        assertThat(confirmedInGate(couponId).readAll()).containsExactlyInAnyOrder("1", "2");
        issue(4, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
    }

    @Test
    void aRebuildResetsTheGateAfterTheDatabaseChangedUnderneath() {
        long couponId = createCoupon(2);
        issue(1, couponId).statusCode(201);
        issue(2, couponId).statusCode(201);
        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        // the database is restored to a point where user 1 held no coupon and the quota was 3
        jdbc.sql("delete from user_coupon where coupon_id = :c and user_id = 1").param("c", couponId).update();
        jdbc.sql("update coupon set issued_quantity = 1, total_quantity = 3 where id = :c").param("c", couponId)
                .update();

        gate.resynchronize(couponId);

        assertThat(confirmedInGate(couponId).readAll()).containsExactly("2");
        assertThat(redisson.<String, String>getMap("coupon-gate:{" + couponId + "}:definition", StringCodec.INSTANCE)
                .get("total")).isEqualTo("3");
        issue(1, couponId).statusCode(201);
        issue(3, couponId).statusCode(201);
        issue(4, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        assertThat(userCouponRows(couponId)).isEqualTo(3);
    }

    @Test
    void issuingAnswersServiceUnavailableWhileRedisIsDownAndRecoversAfter() {
        long couponId = createCoupon(10);
        issue(1, couponId).statusCode(201);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start();
        infrastructure.stopRedis();
        try {
            issue(2, couponId).statusCode(503).header("Retry-After", notNullValue())
                    .body("code", equalTo("SERVICE_UNAVAILABLE"));
            anonymous().get("/api/v1/coupons/" + couponId).then().statusCode(200).body("issuedQuantity", equalTo(1));
            asUser(1).get("/api/v1/users/1/coupons").then().statusCode(200).body("$", hasSize(1));
        } finally {
            infrastructure.startRedis();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> redisson.getKeys().count() >= 0);
        }
        assertThat(userCouponRows(couponId)).isEqualTo(1);

        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        issue(2, couponId).statusCode(201);
        assertThat(issuedQuantity(couponId)).isEqualTo(2);
    }

    private org.redisson.api.RSet<String> confirmedInGate(long couponId) {
        return redisson.getSet("coupon-gate:{" + couponId + "}:confirmed", StringCodec.INSTANCE);
    }

    private RScoredSortedSet<String> pendingInGate(long couponId) {
        return redisson.getScoredSortedSet("coupon-gate:{" + couponId + "}:pending", StringCodec.INSTANCE);
    }
}
