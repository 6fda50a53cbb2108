package shop.commerce.coupon;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.ValidatableResponse;
import shop.commerce.testing.IntegrationTestSupport;

/** Creating and issuing coupons through the HTTP API, and reading the quota's truth from the database. */
abstract class CouponTestSupport extends IntegrationTestSupport {

    static final long ADMIN = 900;

    /** A FIXED 1,000 KRW coupon, valid 7 days, with the given quantity and any fields overridden. */
    static Map<String, Object> coupon(int totalQuantity, Object... overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Coupon " + totalQuantity);
        body.put("discountType", "FIXED");
        body.put("discountValue", 1000);
        body.put("totalQuantity", totalQuantity);
        body.put("validDays", 7);
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    long createCoupon(Map<String, Object> body) {
        return asAdmin(ADMIN).body(body).post("/api/v1/admin/coupons")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long createCoupon(int totalQuantity, Object... overrides) {
        return createCoupon(coupon(totalQuantity, overrides));
    }

    ValidatableResponse issue(long userId, long couponId) {
        return asUser(userId).body("{\"couponId\":" + couponId + "}").post("/api/v1/users/" + userId + "/coupons")
                .then();
    }

    String issueUrl(long userId) {
        return baseUrl() + "/api/v1/users/" + userId + "/coupons";
    }

    long userCouponRows(long couponId) {
        return tables().userCouponRows(couponId);
    }

    long distinctHolders(long couponId) {
        return tables().distinctHolders(couponId);
    }

    int issuedQuantity(long couponId) {
        return tables().issuedQuantity(couponId);
    }

    private CouponTables tables() {
        return new CouponTables(jdbc);
    }
}
