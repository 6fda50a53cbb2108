package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

class OrderIntegrationTest extends IntegrationTestSupport {

    private CommerceFixtures fixtures;
    private ProductRef shirt;
    private ProductRef mug;

    @BeforeEach
    void catalogAndMoney() {
        fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        mug = fixtures.product("Ceramic Mug", 15_000, 3);
        fixtures.balances(1, 2, 500_000);
    }

    @Test
    void placesAndPaysAnOrderInOneStep() {
        JsonPath order = place(1, "{\"userId\":1,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":2},"
                .formatted(shirt.productId(), shirt.option(1)) + "{\"productId\":%d,\"quantity\":1}]}"
                .formatted(mug.productId()))
                .then().statusCode(201)
                .body("orderId", notNullValue())
                .body("userId", equalTo(1))
                .body("status", equalTo("PAID"))
                .body("items.productName", contains("Linen Shirt", "Ceramic Mug"))
                .body("items.optionName", contains("Option 1", "Option 0"))
                .body("items.unitPrice", contains(40_000, 15_000))
                .body("items.quantity", contains(2, 1))
                .body("items.lineAmount", contains(80_000, 15_000))
                .body("totalAmount", equalTo(95_000))
                .body("discountAmount", equalTo(0))
                .body("paidAmount", equalTo(95_000))
                .body("userCouponId", nullValue())
                .body("paidAt", notNullValue()).body("expiresAt", nullValue()).body("cancelledAt", nullValue())
                .extract().jsonPath();
        String orderId = order.getString("orderId");

        assertThat(fixtures.balance(1)).isEqualTo(405_000).isEqualTo(fixtures.ledgerSum(1));
        assertThat(fixtures.stock(shirt.option(1))).containsExactly(3L, 0L);
        assertThat(fixtures.stock(mug.option(0))).containsExactly(2L, 0L);
        asUser(1).get("/api/v1/users/1/balance/transactions").then()
                .body("content[0].type", equalTo("PAYMENT")).body("content[0].amount", equalTo(-95_000))
                .body("content[0].orderId", equalTo(orderId));
        asUser(1).get("/api/v1/orders/" + orderId).then().statusCode(200).body("status", equalTo("PAID"))
                .body("items", hasSize(2)).body("usableCoupons", nullValue());
    }

    @Test
    void reservesStockUntilPaidThenPays() {
        JsonPath pending = place(1, line(shirt.productId(), shirt.option(0), 4, false)).then().statusCode(201)
                .body("status", equalTo("PENDING_PAYMENT")).body("paidAt", nullValue())
                .extract().jsonPath();
        Instant createdAt = Instant.parse(pending.getString("createdAt"));
        assertThat(Instant.parse(pending.getString("expiresAt"))).isEqualTo(createdAt.plus(Duration.ofMinutes(10)));
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 4L);
        anonymous().get("/api/v1/products/" + shirt.productId()).then().body("options[0].stock", equalTo(6));
        assertThat(fixtures.balance(1)).isEqualTo(500_000);

        String orderId = pending.getString("orderId");
        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidAmount", equalTo(156_000)).body("paidAt", notNullValue());

        assertThat(fixtures.stock(shirt.option(0))).containsExactly(6L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(344_000).isEqualTo(fixtures.ledgerSum(1));
        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_PAYABLE"));
    }

    @Test
    void refusesShortStockNamingTheOptionsAndChangesNothing() {
        place(1, "{\"userId\":1,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":6},"
                .formatted(shirt.productId(), shirt.option(1))
                + "{\"productId\":%d,\"optionId\":%d,\"quantity\":2},".formatted(shirt.productId(), shirt.option(0))
                + "{\"productId\":%d,\"quantity\":4}]}".formatted(mug.productId()))
                .then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"))
                .body("optionIds", contains((int) shirt.option(1), (int) mug.option(0)));

        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(500_000);
        assertThat(orderCount()).isZero();
    }

    @Test
    void refusesAnOrderTheBalanceCannotPayAndChangesNothing() {
        fixtures.balances(3, 3, 10_000);
        place(3, line(mug.productId(), mug.option(0), 1, true).replace("\"userId\":1", "\"userId\":3"))
                .then().statusCode(409).body("code", equalTo("INSUFFICIENT_BALANCE"));
        assertThat(fixtures.stock(mug.option(0))).containsExactly(3L, 0L);
        assertThat(fixtures.balance(3)).isEqualTo(10_000);
        assertThat(orderCount()).isZero();
    }

    @Test
    void requiresTheOptionOfAProductWithSeveralOptions() {
        place(1, "{\"userId\":1,\"items\":[{\"productId\":%d,\"quantity\":1}]}".formatted(shirt.productId()))
                .then().statusCode(400).body("code", equalTo("OPTION_REQUIRED"));
    }

    @Test
    void namesAnUnknownProductOrOption() {
        place(1, "{\"userId\":1,\"items\":[{\"productId\":999,\"quantity\":1}]}")
                .then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        place(1, "{\"userId\":1,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":1}]}"
                .formatted(shirt.productId(), mug.option(0)))
                .then().statusCode(404).body("code", equalTo("OPTION_NOT_FOUND"));
    }

    @Test
    void aBadRequestWinsOverAnUnknownProduct() {
        place(1, "{\"userId\":1,\"items\":[{\"productId\":999,\"quantity\":1},{\"productId\":%d,\"quantity\":1}]}"
                .formatted(shirt.productId()))
                .then().statusCode(400).body("code", equalTo("OPTION_REQUIRED"));
    }

    @Test
    void mergesLinesOfOneOptionBeforeApplyingTheLimits() {
        place(1, "{\"userId\":1,\"items\":[{\"productId\":%1$d,\"quantity\":1},{\"productId\":%1$d,\"optionId\":%2$d,\"quantity\":2}]}"
                .formatted(mug.productId(), mug.option(0)))
                .then().statusCode(201).body("items", hasSize(1)).body("items[0].quantity", equalTo(3));

        ProductRef bulk = fixtures.product("Notebook", 1_000, 5_000);
        place(1, "{\"userId\":1,\"items\":[{\"productId\":%1$d,\"quantity\":600},{\"productId\":%1$d,\"quantity\":401}]}"
                .formatted(bulk.productId()))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(fixtures.stock(bulk.option(0))).containsExactly(5_000L, 0L);
    }

    @Test
    void moreThanFiftyLinesIsABadRequestEvenWhenMostNameNothing() {
        StringBuilder items = new StringBuilder("{\"productId\":%d,\"quantity\":1}".formatted(mug.productId()));
        for (int i = 0; i < 50; i++) {
            items.append(",{\"productId\":%d,\"optionId\":%d,\"quantity\":1}".formatted(shirt.productId(), 90_000 + i));
        }
        place(1, "{\"userId\":1,\"items\":[" + items + "]}").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        StringBuilder products = new StringBuilder("{\"productId\":%d,\"quantity\":1}".formatted(mug.productId()));
        for (int i = 0; i < 50; i++) {
            products.append(",{\"productId\":%d,\"quantity\":1}".formatted(90_000 + i));
        }
        place(1, "{\"userId\":1,\"items\":[" + products + "]}").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        // fifty lines, one of them unknown: the 404 stands
        String fifty = products.substring(0, nthIndexOf(products.toString(), ",{", 50));
        place(1, "{\"userId\":1,\"items\":[" + fifty + "]}").then().statusCode(404)
                .body("code", equalTo("PRODUCT_NOT_FOUND"));
    }

    @Test
    void acceptsFiftyLinesButNotFiftyOne() {
        StringBuilder items = new StringBuilder();
        int lines = 0;
        for (int p = 0; p < 6; p++) {
            ProductRef product = fixtures.product("Bulk " + p, 1_000, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
            for (long option : product.optionIds()) {
                items.append(lines++ == 0 ? "" : ",").append("{\"productId\":").append(product.productId())
                        .append(",\"optionId\":").append(option).append(",\"quantity\":1}");
            }
        }
        String all = items.toString();
        String fifty = all.substring(0, nthIndexOf(all, ",{", 50));
        String fiftyOne = all.substring(0, nthIndexOf(all, ",{", 51));
        place(1, "{\"userId\":1,\"items\":[" + fiftyOne + "]}").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        place(1, "{\"userId\":1,\"items\":[" + fifty + "]}").then().statusCode(201).body("items", hasSize(50));
    }

    @Test
    void rejectsInvalidOrderRequests() {
        List<String> bodies = List.of(
                "{\"userId\":1,\"items\":[]}",
                "{\"userId\":1}",
                "{\"items\":[{\"productId\":1,\"quantity\":1}]}",
                "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":0}]}",
                "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":1001}]}",
                "{\"userId\":1,\"items\":[{\"quantity\":1}]}",
                "{\"userId\":1,\"fromCart\":true,\"items\":[{\"productId\":1,\"quantity\":1}]}");
        for (String body : bodies) {
            place(1, body).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        }
        place(1, "{\"userId\":1,\"items\":[{\"productId\":\"x\",\"quantity\":1}]}").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        place(1, "{\"userId\":1,\"payNow\":\"maybe\",\"items\":[{\"productId\":1,\"quantity\":1}]}").then()
                .statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        assertThat(orderCount()).isZero();
    }

    @Test
    void aUserMayOnlyOrderForItself() {
        place(1, "{\"userId\":2,\"items\":[{\"productId\":%d,\"quantity\":1}]}".formatted(mug.productId()))
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        place(1, "{\"userId\":2,\"items\":[]}").then().statusCode(403);
        anonymous().body(line(mug.productId(), mug.option(0), 1, true)).post("/api/v1/orders").then().statusCode(401);
        assertThat(orderCount()).isZero();
    }

    @Test
    void onlyTheOwnerTouchesAnOrderAndAnAdministratorMayReadIt() {
        String orderId = placeOk(1, line(mug.productId(), mug.option(0), 1, false));
        asUser(2).get("/api/v1/orders/" + orderId).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        asUser(2).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(403);
        asUser(2).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(403);
        asUser(2).get("/api/v1/users/1/orders").then().statusCode(403);
        asAdmin(99).get("/api/v1/orders/" + orderId).then().statusCode(200);
        asAdmin(99).get("/api/v1/users/1/orders").then().statusCode(200).body("content", hasSize(1));
        asUser(1).get("/api/v1/orders/no-such-order").then().statusCode(404).body("code", equalTo("ORDER_NOT_FOUND"));
        asUser(1).post("/api/v1/orders/no-such-order/payment").then().statusCode(404)
                .body("code", equalTo("ORDER_NOT_FOUND"));
        asUser(1).post("/api/v1/orders/no-such-order/cancel").then().statusCode(404);
    }

    @Test
    void listsAUsersOrdersNewestFirst() {
        String first = placeOk(1, line(mug.productId(), mug.option(0), 1, true));
        clock.advance(Duration.ofSeconds(1));
        String second = placeOk(1, line(shirt.productId(), shirt.option(0), 1, false));
        placeOk(2, line(shirt.productId(), shirt.option(0), 1, true).replace("\"userId\":1", "\"userId\":2"));

        asUser(1).get("/api/v1/users/1/orders").then().statusCode(200)
                .body("content.orderId", contains(second, first))
                .body("content.status", contains("PENDING_PAYMENT", "PAID"))
                .body("totalElements", equalTo(2));
        asUser(1).get("/api/v1/users/1/orders?size=1&page=1").then().body("content.orderId", contains(first));
    }

    @Test
    void cancellingAPaidOrderRefundsAndPutsTheStockBack() {
        String orderId = placeOk(1, line(shirt.productId(), shirt.option(1), 2, true));
        assertThat(fixtures.stock(shirt.option(1))).containsExactly(3L, 0L);

        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledAt", notNullValue())
                .body("paidAt", notNullValue());

        assertThat(fixtures.stock(shirt.option(1))).containsExactly(5L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(500_000).isEqualTo(fixtures.ledgerSum(1));
        asUser(1).get("/api/v1/users/1/balance/transactions").then()
                .body("content.type", contains("REFUND", "PAYMENT", "CHARGE"))
                .body("content[0].amount", equalTo(80_000)).body("content[0].orderId", equalTo(orderId));
        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_CANCELLABLE"));
        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_PAYABLE"));
    }

    @Test
    void cancellingAPendingOrderReleasesItsReservation() {
        String orderId = placeOk(1, line(shirt.productId(), shirt.option(0), 7, false));
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 7L);

        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(500_000);
    }

    @Test
    void anUnpaidOrderExpiresByItselfAndReleasesItsStock() {
        String orderId = placeOk(1, line(shirt.productId(), shirt.option(0), 3, false));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_PAYABLE"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asUser(1).get("/api/v1/orders/" + orderId)
                .then().body("status", equalTo("EXPIRED")));
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 0L);
        assertThat(fixtures.balance(1)).isEqualTo(500_000);
        asUser(1).post("/api/v1/orders/" + orderId + "/cancel").then().statusCode(409)
                .body("code", equalTo("ORDER_NOT_CANCELLABLE"));
    }

    @Test
    void aUserHoldsAtMostFivePendingOrdersAndAPaidCancelledOrExpiredOneFreesASlot() {
        String reservation = line(shirt.productId(), shirt.option(0), 1, false);
        List<String> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(placeOk(1, reservation));
        }

        // also short of stock: the limit is the first of an order's 409s
        place(1, line(shirt.productId(), shirt.option(0), 6, false)).then().statusCode(409)
                .body("code", equalTo("TOO_MANY_PENDING_ORDERS"));
        assertThat(orderCount()).isEqualTo(5);
        assertThat(fixtures.stock(shirt.option(0))).containsExactly(10L, 5L);
        placeOk(1, line(mug.productId(), mug.option(0), 1, true));
        placeOk(2, reservation.replace("\"userId\":1", "\"userId\":2"));

        asUser(1).post("/api/v1/orders/" + pending.get(0) + "/payment").then().statusCode(200);
        placeOk(1, reservation);
        asUser(1).post("/api/v1/orders/" + pending.get(1) + "/cancel").then().statusCode(200);
        placeOk(1, reservation);
        place(1, reservation).then().statusCode(409).body("code", equalTo("TOO_MANY_PENDING_ORDERS"));

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        placeOk(1, line(mug.productId(), mug.option(0), 1, false));
    }

    /** A refund is never refused, so it may lift a balance past the cap; no charge is then accepted. */
    @Test
    void aRefundMayPassTheBalanceCapAndThenNoChargeIsAccepted() {
        fixtures.balances(3, 3, 9_900_000);
        String paid = placeOk(3, line(shirt.productId(), shirt.option(0), 1, true).replace("\"userId\":1",
                "\"userId\":3"));
        asUser(3).body("{\"amount\":139000}").post("/api/v1/users/3/balance/charge").then().statusCode(200)
                .body("balance", equalTo(10_000_000));
        asUser(3).body("{\"amount\":1000}").post("/api/v1/users/3/balance/charge").then().statusCode(409)
                .body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));

        asUser(3).post("/api/v1/orders/" + paid + "/cancel").then().statusCode(200);
        assertThat(fixtures.balance(3)).isEqualTo(10_039_000).isEqualTo(fixtures.ledgerSum(3));

        asUser(3).body("{\"amount\":1000}").post("/api/v1/users/3/balance/charge").then().statusCode(409)
                .body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));
        assertThat(fixtures.balance(3)).isEqualTo(10_039_000).isEqualTo(fixtures.ledgerSum(3));
    }

    @Test
    void anOrderIsPaidOncePerIdempotencyKey() {
        String body = line(mug.productId(), mug.option(0), 1, true);
        String first = asUser(1).header("Idempotency-Key", "order-1").body(body).post("/api/v1/orders")
                .then().statusCode(201).extract().path("orderId");
        asUser(1).header("Idempotency-Key", "order-1").body(body).post("/api/v1/orders")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("orderId", equalTo(first));
        assertThat(orderCount()).isEqualTo(1);
        assertThat(fixtures.stock(mug.option(0))).containsExactly(2L, 0L);

        asUser(1).header("Idempotency-Key", "cancel-1").post("/api/v1/orders/" + first + "/cancel")
                .then().statusCode(200);
        asUser(1).header("Idempotency-Key", "cancel-1").post("/api/v1/orders/" + first + "/cancel")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("CANCELLED"));
        assertThat(fixtures.balance(1)).isEqualTo(500_000);
    }

    @Test
    void limitsTheRateOfOrderRequestsPerUser() throws Exception {
        String token = token(1, Role.USER);
        List<Result> results = ConcurrentRequests.run(250,
                i -> Call.post(baseUrl() + "/api/v1/orders/unknown-" + i + "/cancel", token, null));

        assertThat(results).filteredOn(r -> r.status() == 429).isNotEmpty()
                .allMatch(r -> r.body().contains("RATE_LIMITED"))
                .allMatch(r -> Integer.parseInt(r.header("Retry-After")) >= 1);
        assertThat(results).filteredOn(r -> r.status() == 404).hasSizeGreaterThanOrEqualTo(100);
        asUser(2).post("/api/v1/orders/unknown/cancel").then().statusCode(404);
    }

    private io.restassured.response.Response place(long userId, String body) {
        return asUser(userId).body(body).post("/api/v1/orders");
    }

    private String placeOk(long userId, String body) {
        return place(userId, body).then().statusCode(201).extract().path("orderId");
    }

    private static String line(long productId, long optionId, long quantity, boolean payNow) {
        return "{\"userId\":1,\"payNow\":%s,\"items\":[{\"productId\":%d,\"optionId\":%d,\"quantity\":%d}]}"
                .formatted(payNow, productId, optionId, quantity);
    }

    private long orderCount() {
        return jdbc.sql("select count(*) from orders").query(Long.class).single();
    }

    private static int nthIndexOf(String text, String token, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = text.indexOf(token, index + 1);
            if (index < 0) {
                return text.length();
            }
        }
        return index;
    }
}
