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

import io.restassured.path.json.JsonPath;
import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.EmbeddedInfrastructure;

class CouponIssueIntegrationTest extends CouponTestSupport {

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
    void afterASellOutARefusalSendsNoStatementAndNeverReachesTheGate() {
        // the window closes within the minute the instance remembers a sell-out for
        Instant end = clock.instant().plus(Duration.ofSeconds(30)).truncatedTo(ChronoUnit.SECONDS);
        long couponId = createCoupon(2, "issueEndsAt", end.toString());
        issue(1, couponId).statusCode(201);
        issue(2, couponId).statusCode(201);
        issue(3, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT")); // the gate's answer, checked

        redisson.getKeys().flushall(); // a claim reaching the gate now would rebuild it from the database
        queryCounter.reset();
        issue(4, couponId).statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));
        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        clock.advance(Duration.between(clock.instant(), end));
        issue(1, couponId).statusCode(409).body("code", equalTo("COUPON_NOT_ISSUABLE"));
        issue(5, couponId).statusCode(409).body("code", equalTo("COUPON_NOT_ISSUABLE"));

        assertThat(queryCounter.requestStatements()).isEmpty();
        assertThat(redisson.getKeys().countExists("coupon-gate:{" + couponId + "}:definition")).isZero();
        assertThat(userCouponRows(couponId)).isEqualTo(2);
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
    void listsAUsersCouponsFilteredByTheStatusParameter() {
        long toUse = createCoupon(10, "name", "Used one");
        long kept = createCoupon(10, "name", "Kept one");
        long usedCouponId = issue(1, toUse).statusCode(201).extract().jsonPath().getLong("userCouponId");
        issue(1, kept).statusCode(201);
        new CouponTables(jdbc).markUsed(usedCouponId, "order-1", clock.instant());

        asUser(1).get("/api/v1/users/1/coupons").then().statusCode(200)
                .body("name", contains("Kept one", "Used one"))
                .body("status", contains("AVAILABLE", "USED"))
                .body("[1].orderId", equalTo("order-1"))
                .body("[1].usedAt", notNullValue());
        asUser(1).get("/api/v1/users/1/coupons?status=USED").then().statusCode(200)
                .body("name", contains("Used one"));
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
}
