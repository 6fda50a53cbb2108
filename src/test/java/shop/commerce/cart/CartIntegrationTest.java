package shop.commerce.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

class CartIntegrationTest extends IntegrationTestSupport {

    private CommerceFixtures fixtures;
    private ProductRef shirt;
    private ProductRef mug;

    @BeforeEach
    void catalog() {
        fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        mug = fixtures.product("Ceramic Mug", 15_000, 3);
        fixtures.balances(1, 1, 500_000);
    }

    @Test
    void anEmptyCartHasNoItems() {
        asUser(1).get("/api/v1/users/1/cart").then().statusCode(200)
                .body("userId", equalTo(1)).body("items", hasSize(0)).body("totalAmount", equalTo(0));
    }

    @Test
    void putSetsALinesQuantityWithPricesAndLiveStock() {
        put(1, shirt.productId(), shirt.option(1), 2).then().statusCode(200)
                .body("items[0].productName", equalTo("Linen Shirt"))
                .body("items[0].optionName", equalTo("Option 1"))
                .body("items[0].unitPrice", equalTo(40_000))
                .body("items[0].quantity", equalTo(2))
                .body("items[0].lineAmount", equalTo(80_000))
                .body("items[0].availableStock", equalTo(5));
        put(1, mug.productId(), mug.option(0), 1).then().statusCode(200);
        put(1, shirt.productId(), shirt.option(1), 3).then().statusCode(200)
                .body("items.quantity", contains(3, 1)).body("totalAmount", equalTo(135_000));

        asUser(1).get("/api/v1/users/1/cart").then().body("items", hasSize(2)).body("totalAmount", equalTo(135_000));
        asUser(1).delete("/api/v1/users/1/cart/items/" + mug.option(0)).then().statusCode(204);
        asUser(1).get("/api/v1/users/1/cart").then().body("items", hasSize(1));
    }

    @Test
    void refusesMoreThanTheAvailableStock() {
        put(1, mug.productId(), mug.option(0), 4).then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"))
                .body("optionIds", contains((int) mug.option(0)));
        asUser(1).get("/api/v1/users/1/cart").then().body("items", hasSize(0));
    }

    @Test
    void refusesInvalidLines() {
        put(1, mug.productId(), mug.option(0), 0).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        put(1, 999, mug.option(0), 1).then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        put(1, shirt.productId(), mug.option(0), 1).then().statusCode(404).body("code", equalTo("OPTION_NOT_FOUND"));
        asUser(1).body("{\"productId\":1}").put("/api/v1/users/1/cart/items").then().statusCode(400);
    }

    @Test
    void aCartBelongsToItsUser() {
        asUser(2).get("/api/v1/users/1/cart").then().statusCode(403);
        asUser(2).body("{\"productId\":1,\"optionId\":1,\"quantity\":1}").put("/api/v1/users/1/cart/items")
                .then().statusCode(403);
        asUser(2).delete("/api/v1/users/1/cart/items/1").then().statusCode(403);
        anonymous().get("/api/v1/users/1/cart").then().statusCode(401);
    }

    @Test
    void orderingTheCartPaysItsLinesAndEmptiesIt() {
        put(1, shirt.productId(), shirt.option(0), 2).then().statusCode(200);
        put(1, mug.productId(), mug.option(0), 1).then().statusCode(200);

        asUser(1).body("{\"userId\":1,\"fromCart\":true}").post("/api/v1/orders").then().statusCode(201)
                .body("status", equalTo("PAID")).body("items", hasSize(2)).body("totalAmount", equalTo(93_000));

        asUser(1).get("/api/v1/users/1/cart").then().body("items", hasSize(0));
        assertThat(fixtures.balance(1)).isEqualTo(407_000);
    }

    @Test
    void aPendingCartOrderLeavesTheCartUntilItIsPaid() {
        put(1, mug.productId(), mug.option(0), 2).then().statusCode(200);
        String orderId = asUser(1).body("{\"userId\":1,\"fromCart\":true,\"payNow\":false}").post("/api/v1/orders")
                .then().statusCode(201).extract().path("orderId");
        asUser(1).get("/api/v1/users/1/cart").then().body("items", hasSize(1));

        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(200);
        asUser(1).get("/api/v1/users/1/cart").then().body("items", hasSize(0));
    }

    @Test
    void orderingAnEmptyCartIsRefused() {
        asUser(1).body("{\"userId\":1,\"fromCart\":true}").post("/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("EMPTY_CART"));
    }

    private io.restassured.response.Response put(long userId, long productId, long optionId, long quantity) {
        return asUser(userId).body("{\"productId\":%d,\"optionId\":%d,\"quantity\":%d}"
                .formatted(productId, optionId, quantity)).put("/api/v1/users/" + userId + "/cart/items");
    }
}
