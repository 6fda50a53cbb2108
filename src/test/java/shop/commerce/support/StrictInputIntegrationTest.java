package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;

import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.TestTokens;

/** Bad input gets a 4xx problem, never a 5xx and never a silent conversion. */
class StrictInputIntegrationTest extends IntegrationTestSupport {

    private static final String PAST_LONG = "9223372036854775808";

    @Value("${commerce.security.jwt-secret}")
    String secret;

    // path user ids past a long

    @ParameterizedTest
    @ValueSource(strings = { "/balance", "/balance/transactions", "/cart", "/coupons", "/orders" })
    void aPathUserIdPastLongIsRefusedBeforeItIsRead(String resource) {
        asUser(5).get("/api/v1/users/" + PAST_LONG + resource).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        asAdmin(5).get("/api/v1/users/" + PAST_LONG + resource).then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        asUser(5).body("{\"amount\":1000}").post("/api/v1/users/" + PAST_LONG + "/balance/charge").then()
                .statusCode(403);
        asAdmin(5).body("{\"amount\":1000}").post("/api/v1/users/" + PAST_LONG + "/balance/charge").then()
                .statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { PAST_LONG, "9999999999999999999", "18446744073709551616" })
    void aSubjectPastLongIsUnauthenticated(String subject) {
        String token = sign(Map.of("sub", subject, "roles", List.of("USER"), "exp", inFiveMinutes()));
        anonymous().auth().oauth2(token).get("/api/v1/users/5/balance").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        anonymous().auth().oauth2(token).get("/api/v1/users/" + subject + "/balance").then().statusCode(401);
    }

    // JSON read without coercion or duplicated keys

    @ParameterizedTest
    @ValueSource(strings = { "{\"amount\":\"1000\"}", "{\"amount\":true}", "{\"amount\":1000.0}",
            "{\"amount\":[1000]}", "{\"amount\":5000000,\"amount\":1000}", "{\"amount\":1000,\"amount\":1000}",
            "{\"amount\":\"\"}" })
    void aChargeOfTheWrongTypeIsRefusedAndMovesNoMoney(String body) {
        asUser(1).body(body).post("/api/v1/users/1/balance/charge").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        assertThat(fixtures().balance(1)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"fromCart\":1", "\"payNow\":0", "\"payNow\":\"false\"", "\"userId\":\"1\"",
            "\"items\":[{\"productId\":%d,\"quantity\":\"1\"}]", "\"items\":[{\"productId\":\"%d\",\"quantity\":1}]" })
    void anOrderWithAWrongTypeIsRefused(String field) {
        var product = fixtures().product("Shirt", 1000, 10);
        fixtures().balances(1, 1, 100_000);
        String items = field.startsWith("\"items\"") ? field.formatted(product.productId())
                : "\"items\":[{\"productId\":" + product.productId() + ",\"quantity\":1}]," + field;
        asUser(1).body("{\"userId\":1," + items + "}").post("/api/v1/orders").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        assertThat(fixtures().balance(1)).isEqualTo(100_000);
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"name\":1,\"price\":1000,\"options\":[{\"name\":\"A\",\"stock\":1}]}",
            "{\"name\":\"P\",\"price\":\"1000\",\"options\":[{\"name\":\"A\",\"stock\":1}]}",
            "{\"name\":\"P\",\"price\":1000,\"options\":[{\"name\":false,\"stock\":1}]}",
            "{\"name\":\"P\",\"price\":1000,\"options\":[{\"name\":\"A\",\"stock\":1.5}]}",
            "{\"name\":\"P\",\"name\":\"Q\",\"price\":1000,\"options\":[{\"name\":\"A\",\"stock\":1}]}" })
    void aProductWithAWrongTypeIsRefused(String body) {
        asAdmin(9).body(body).post("/api/v1/admin/products").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"discountType\":0", "\"validDays\":\"7\"", "\"issueStartsAt\":1893456000",
            "\"totalQuantity\":\"10\"" })
    void aCouponWithAWrongTypeIsRefused(String field) {
        String body = "{\"name\":\"C\",\"discountType\":\"FIXED\",\"discountValue\":100,\"totalQuantity\":10,"
                + "\"validDays\":7," + field + "}";
        asAdmin(9).body(body.replace("\"discountType\":\"FIXED\",", field.startsWith("\"discountType\"") ? "" :
                "\"discountType\":\"FIXED\",")).post("/api/v1/admin/coupons").then().statusCode(400);
        assertThat(jdbc.sql("select count(*) from coupon").query(Long.class).single()).isZero();
    }

    // client instants between 2000 and 2100

    @ParameterizedTest
    @ValueSource(strings = { "-4714-11-24T00:00:00Z", "+300000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z" })
    void aCouponWindowOutsideTheSupportedYearsIsRefused(String instant) {
        for (String field : List.of("issueStartsAt", "issueEndsAt")) {
            asAdmin(9).body("{\"name\":\"C\",\"discountType\":\"FIXED\",\"discountValue\":100,\"totalQuantity\":10,"
                    + "\"validDays\":7,\"" + field + "\":\"" + instant + "\"}").post("/api/v1/admin/coupons").then()
                    .statusCode(400).body("code", org.hamcrest.Matchers.oneOf("VALIDATION_FAILED", "MALFORMED_REQUEST"));
        }
        assertThat(jdbc.sql("select count(*) from coupon").query(Long.class).single()).isZero();
    }

    @Test
    void aCouponWindowAtTheEdgesIsAcceptedAndIssues() {
        long couponId = asAdmin(9).body("""
                {"name":"Edge","discountType":"FIXED","discountValue":100,"totalQuantity":10,"validDays":7,
                 "issueStartsAt":"2000-01-01T00:00:00Z","issueEndsAt":"2100-12-31T23:59:59Z"}
                """).post("/api/v1/admin/coupons").then().statusCode(201).extract().jsonPath().getLong("id");
        asUser(1).body("{\"couponId\":" + couponId + "}").post("/api/v1/users/1/coupons").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\\u0000", "\\u001b", "\\n", "\\t", "\\u007f" })
    void namesWithControlCharactersAreRefused(String escape) {
        asAdmin(9).body("{\"name\":\"Shirt" + escape + "\",\"price\":1000,\"options\":[{\"name\":\"A\",\"stock\":1}]}")
                .post("/api/v1/admin/products").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin(9).body("{\"name\":\"Shirt\",\"price\":1000,\"options\":[{\"name\":\"A" + escape + "\",\"stock\":1}]}")
                .post("/api/v1/admin/products").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin(9).body("{\"name\":\"C" + escape + "\",\"discountType\":\"FIXED\",\"discountValue\":100,"
                + "\"totalQuantity\":10,\"validDays\":7}").post("/api/v1/admin/coupons").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from coupon").query(Long.class).single()).isZero();
    }

    @Test
    void unicodeNamesAreFine() {
        asAdmin(9).body("{\"name\":\"\uc154\uce20 \u2014 \ud83d\udc55\",\"price\":1000,\"options\":[{\"name\":\"\ud55c\",\"stock\":1}]}")
                .post("/api/v1/admin/products").then().statusCode(201);
    }

    // a body naming another user

    @Test
    void aBodyNamingAnotherUserIsForbidden() {
        var product = fixtures().product("Shirt", 1000, 10);
        long couponId = fixtures().fixedCoupon("C", 100, 10);
        asUser(1).body("{\"userId\":2,\"amount\":1000}").post("/api/v1/users/1/balance/charge").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        asUser(1).body("{\"userId\":2,\"amount\":-1}").post("/api/v1/users/1/balance/charge").then().statusCode(403);
        asUser(1).body("{\"userId\":2,\"productId\":" + product.productId() + ",\"optionId\":" + product.option(0)
                + ",\"quantity\":1}").put("/api/v1/users/1/cart/items").then().statusCode(403);
        asUser(1).body("{\"userId\":2,\"couponId\":" + couponId + "}").post("/api/v1/users/1/coupons").then()
                .statusCode(403);
        asUser(1).body("{\"userId\":2,\"items\":[{\"productId\":" + product.productId() + ",\"quantity\":1}]}")
                .post("/api/v1/orders").then().statusCode(403);
        assertThat(fixtures().balance(1)).isZero();
        assertThat(jdbc.sql("select count(*) from cart_item").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from user_coupon").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from orders").query(Long.class).single()).isZero();
    }

    @Test
    void aBodyNamingTheCallerIsFine() {
        var product = fixtures().product("Shirt", 1000, 10);
        long couponId = fixtures().fixedCoupon("C", 100, 10);
        asUser(1).body("{\"userId\":1,\"amount\":1000}").post("/api/v1/users/1/balance/charge").then().statusCode(200);
        asUser(1).body("{\"userId\":1,\"productId\":" + product.productId() + ",\"optionId\":" + product.option(0)
                + ",\"quantity\":1}").put("/api/v1/users/1/cart/items").then().statusCode(200);
        asUser(1).body("{\"userId\":1,\"couponId\":" + couponId + "}").post("/api/v1/users/1/coupons").then()
                .statusCode(201);
    }

    // paging parameters as plain decimals

    @ParameterizedTest
    @ValueSource(strings = { "page=0x10", "size=+5", "page=%2B1", "size=0x5", "page=1e1", "page=#1", "size= 5",
            "page=1.0" })
    void pagingParametersAreRefusedUnlessPlainDecimals(String query) {
        anonymous().get("/api/v1/products?" + query).then().statusCode(400);
        asUser(1).get("/api/v1/users/1/balance/transactions?" + query).then().statusCode(400);
    }

    @Test
    void plainPagingParametersStillWork() {
        anonymous().get("/api/v1/products?page=0&size=5").then().statusCode(200).body("size", equalTo(5));
        anonymous().get("/api/v1/products/top?days=+3").then().statusCode(400);
        anonymous().get("/api/v1/products/0x1").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ADMIN", "USER", "ADMIN USER" })
    void aRolesClaimThatIsNotAnArrayIsUnauthenticated(String roles) {
        String token = sign(Map.of("sub", "5", "roles", roles, "exp", inFiveMinutes()));
        anonymous().auth().oauth2(token).get("/api/v1/users/6/balance").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        anonymous().auth().oauth2(token).get("/api/v1/users/5/balance").then().statusCode(401);
    }

    @Test
    void aRolesArrayWithSomethingOtherThanStringsIsUnauthenticated() {
        String token = sign(Map.of("sub", "5", "roles", List.of("USER", 1), "exp", inFiveMinutes()));
        anonymous().auth().oauth2(token).get("/api/v1/users/5/balance").then().statusCode(401);
    }

    private long inFiveMinutes() {
        return TestTokens.epochSecondsIn(300);
    }

    private String sign(Map<String, Object> claims) {
        return TestTokens.sign("HS256", claims, secret);
    }
}
