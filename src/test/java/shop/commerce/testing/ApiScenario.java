package shop.commerce.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/**
 * A small world every operation of the API can be called in: a product with two options, a coupon,
 * user 1 with money, a cart line and a pending order, and user 2 with an order of its own.
 */
public final class ApiScenario {

    public static final long USER = 1;
    public static final long OTHER_USER = 2;
    public static final long ADMIN = 1_000_000;

    public final long productId;
    public final long optionId;
    public final long couponId;
    public final String orderId;
    public final String otherUsersOrderId;

    public ApiScenario(CommerceFixtures fixtures, String userToken, String otherUserToken) {
        CommerceFixtures.ProductRef product = fixtures.product("Scenario Shirt", 10_000, 100, 100);
        productId = product.productId();
        optionId = product.option(0);
        couponId = fixtures.fixedCoupon("Scenario Coupon", 1_000, 100);
        fixtures.balances(USER, OTHER_USER, 1_000_000);
        orderId = pendingOrder(userToken, USER);
        otherUsersOrderId = pendingOrder(otherUserToken, OTHER_USER);
        given().contentType(ContentType.JSON).auth().oauth2(userToken)
                .body("{\"productId\":" + productId + ",\"optionId\":" + optionId + ",\"quantity\":1}")
                .put("/api/v1/users/" + USER + "/cart/items").then().statusCode(200);
    }

    private String pendingOrder(String token, long userId) {
        return given().contentType(ContentType.JSON).auth().oauth2(token)
                .body("{\"userId\":" + userId + ",\"items\":[{\"productId\":" + productId + ",\"optionId\":" + optionId
                        + ",\"quantity\":1}],\"payNow\":false}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("orderId");
    }

    /** The operation's path with its variables naming the given user's resources. */
    public String path(String template, long userId, String order) {
        return template.replace("{userId}", Long.toString(userId))
                .replace("{productId}", Long.toString(productId))
                .replace("{optionId}", Long.toString(optionId))
                .replace("{couponId}", Long.toString(couponId))
                .replace("{orderId}", order);
    }

    /** A body the operation accepts from user 1 (or an administrator). */
    public String validBody(String method, String template) {
        return switch (method + " " + template) {
            case "POST /api/v1/users/{userId}/balance/charge" -> "{\"amount\":1000}";
            case "PUT /api/v1/users/{userId}/cart/items" ->
                "{\"productId\":" + productId + ",\"optionId\":" + optionId + ",\"quantity\":2}";
            case "POST /api/v1/users/{userId}/coupons" -> "{\"couponId\":" + couponId + "}";
            case "POST /api/v1/orders" -> "{\"userId\":" + USER + ",\"items\":[{\"productId\":" + productId
                    + ",\"optionId\":" + optionId + ",\"quantity\":1}],\"payNow\":true}";
            case "POST /api/v1/orders/{orderId}/payment" -> "{}";
            case "POST /api/v1/admin/products" ->
                "{\"name\":\"Fresh\",\"price\":1000,\"options\":[{\"name\":\"A\",\"additionalPrice\":0,\"stock\":5}]}";
            case "POST /api/v1/admin/products/{productId}/options/{optionId}/restock" -> "{\"quantity\":5}";
            case "POST /api/v1/admin/coupons" -> "{\"name\":\"Fresh\",\"discountType\":\"PERCENT\",\"discountValue\":10,"
                    + "\"maxDiscountAmount\":5000,\"minOrderAmount\":0,\"totalQuantity\":5,\"validDays\":7,"
                    + "\"issueStartsAt\":\"2026-01-01T00:00:00Z\",\"issueEndsAt\":\"2099-01-01T00:00:00Z\"}";
            case "POST /api/v1/dev/tokens" -> "{\"userId\":" + USER + ",\"roles\":[\"USER\"]}";
            default -> "{}";
        };
    }
}
