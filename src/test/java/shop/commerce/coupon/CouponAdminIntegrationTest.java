package shop.commerce.coupon;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CouponAdminIntegrationTest extends CouponTestSupport {

    @Test
    void createsAFixedCouponWithDefaults() {
        asAdmin(ADMIN).body(coupon(100, "name", "Welcome 3,000", "discountValue", 3000))
                .post("/api/v1/admin/coupons")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/coupons/1"))
                .body("id", equalTo(1))
                .body("name", equalTo("Welcome 3,000"))
                .body("discountType", equalTo("FIXED"))
                .body("discountValue", equalTo(3000))
                .body("maxDiscountAmount", nullValue())
                .body("minOrderAmount", equalTo(0))
                .body("totalQuantity", equalTo(100))
                .body("issuedQuantity", equalTo(0))
                .body("remainingQuantity", equalTo(100))
                .body("validDays", equalTo(7))
                .body("issueStartsAt", nullValue())
                .body("issueEndsAt", nullValue());
    }

    @Test
    void createsAPercentCouponWithACapAMinimumAndAWindow() {
        asAdmin(ADMIN).body(coupon(50, "name", "Welcome 10%", "discountType", "PERCENT", "discountValue", 10,
                "maxDiscountAmount", 5000, "minOrderAmount", 20000, "validDays", 30,
                "issueStartsAt", "2026-12-01T00:00:00Z", "issueEndsAt", "2026-12-02T09:00:00+09:00"))
                .post("/api/v1/admin/coupons")
                .then().statusCode(201)
                .body("discountType", equalTo("PERCENT"))
                .body("discountValue", equalTo(10))
                .body("maxDiscountAmount", equalTo(5000))
                .body("minOrderAmount", equalTo(20000))
                .body("validDays", equalTo(30))
                .body("issueStartsAt", equalTo("2026-12-01T00:00:00Z"))
                .body("issueEndsAt", equalTo("2026-12-02T00:00:00Z"));
    }

    @Test
    void anyoneMayReadACouponWithItsIssuedAndRemainingQuantity() {
        long couponId = createCoupon(5, "name", "Five only");
        issue(1, couponId).statusCode(201);
        issue(2, couponId).statusCode(201);

        anonymous().get("/api/v1/coupons/" + couponId)
                .then().statusCode(200)
                .body("id", equalTo((int) couponId))
                .body("name", equalTo("Five only"))
                .body("totalQuantity", equalTo(5))
                .body("issuedQuantity", equalTo(2))
                .body("remainingQuantity", equalTo(3));
    }

    @Test
    void anUnknownCouponIsNotFound() {
        anonymous().get("/api/v1/coupons/424242")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("COUPON_NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "1.5", "99999999999999999999" })
    void anUnreadableCouponIdIsABadRequest(String couponId) {
        anonymous().get("/api/v1/coupons/" + couponId)
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void aCouponIdMustBePositive() {
        anonymous().get("/api/v1/coupons/0").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void onlyAnAdministratorMayCreateACoupon() {
        asUser(1).body(coupon(10)).post("/api/v1/admin/coupons")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        anonymous().body(coupon(10)).post("/api/v1/admin/coupons")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        anonymous().get("/api/v1/coupons/1").then().statusCode(404);
    }

    static Stream<Arguments> invalidCoupons() {
        return Stream.of(
                Arguments.of(without("name"), "name"),
                Arguments.of(coupon(10, "name", "   "), "name"),
                Arguments.of(coupon(10, "name", "x".repeat(101)), "name"),
                Arguments.of(without("discountType"), "discountType"),
                Arguments.of(without("discountValue"), "discountValue"),
                Arguments.of(coupon(10, "discountValue", 0), "discountValue"),
                Arguments.of(coupon(10, "discountValue", -500), "discountValue"),
                Arguments.of(coupon(10, "discountType", "PERCENT", "discountValue", 101), "discountValue"),
                Arguments.of(coupon(10, "discountType", "PERCENT", "discountValue", 0), "discountValue"),
                Arguments.of(without("totalQuantity"), "totalQuantity"),
                Arguments.of(coupon(0), "totalQuantity"),
                Arguments.of(coupon(-1), "totalQuantity"),
                Arguments.of(without("validDays"), "validDays"),
                Arguments.of(coupon(10, "validDays", 0), "validDays"),
                Arguments.of(coupon(10, "validDays", 366), "validDays"),
                Arguments.of(coupon(10, "maxDiscountAmount", -1), "maxDiscountAmount"),
                Arguments.of(coupon(10, "minOrderAmount", -1), "minOrderAmount"),
                Arguments.of(coupon(10, "issueStartsAt", "2026-12-01T00:00:00Z", "issueEndsAt", "2026-12-01T00:00:00Z"),
                        "issueEndsAt"),
                Arguments.of(coupon(10, "issueStartsAt", "2026-12-02T00:00:00Z", "issueEndsAt", "2026-12-01T00:00:00Z"),
                        "issueEndsAt"));
    }

    @ParameterizedTest
    @MethodSource("invalidCoupons")
    void rejectsAnInvalidCouponNamingTheField(Map<String, Object> body, String field) {
        asAdmin(ADMIN).body(body).post("/api/v1/admin/coupons")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(field))
                .body("errors[0].message", notNullValue());
        assertNoCoupon();
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        asAdmin(ADMIN).body(Map.of("discountType", "PERCENT", "discountValue", 150, "totalQuantity", 0,
                "validDays", 400)).post("/api/v1/admin/coupons")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("name", "discountValue", "totalQuantity", "validDays"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"x\",\"discountType\":\"HALF\",\"discountValue\":1,\"totalQuantity\":1,\"validDays\":1}",
            "{\"name\":\"x\",\"discountType\":\"FIXED\",\"discountValue\":1,\"totalQuantity\":99999999999,\"validDays\":1}",
            "{\"name\":\"x\",\"discountType\":\"FIXED\",\"discountValue\":99999999999999999999,\"totalQuantity\":1,\"validDays\":1}",
            "{\"name\":\"x\",\"discountType\":\"FIXED\",\"discountValue\":1.5,\"totalQuantity\":1,\"validDays\":1}",
            "{\"name\":\"x\",\"discountType\":\"FIXED\",\"discountValue\":1,\"totalQuantity\":1,\"validDays\":1,\"issueStartsAt\":\"tomorrow\"}",
            "{\"name\":\"x\",", "[]" })
    void rejectsAnUnreadableCoupon(String body) {
        asAdmin(ADMIN).body(body).post("/api/v1/admin/coupons")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        assertNoCoupon();
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> body = coupon(10);
        body.remove(field);
        return body;
    }

    private void assertNoCoupon() {
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from coupon").query(Long.class).single())
                .isZero();
    }
}
