package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.IntegrationTestSupport;

/** Administrators change what a product shows; the next read, on this instance, shows the change. */
class ProductChangeIntegrationTest extends IntegrationTestSupport {

    private ProductRef shirt;

    @BeforeEach
    void catalog() {
        CommerceFixtures fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        fixtures.product("Wool Coat", 120_000, 3);
        fixtures.balances(1, 1, 500_000);
    }

    @Test
    void replacesTheNameAndPriceAndTheNextReadShowsThem() {
        anonymous().get(publicPath()).then().body("price", equalTo(39_000));

        asAdmin(9).body("{\"name\":\"Linen Shirt II\",\"price\":41000}").put(productPath())
                .then().statusCode(200).body("name", equalTo("Linen Shirt II")).body("price", equalTo(41_000))
                .body("stock", equalTo(15));

        anonymous().get(publicPath()).then().body("name", equalTo("Linen Shirt II")).body("price", equalTo(41_000));
        asUser(1).body(order(shirt.option(1))).post("/api/v1/orders").then().statusCode(201)
                .body("items[0].productName", equalTo("Linen Shirt II")).body("items[0].unitPrice", equalTo(42_000));
    }

    @Test
    void aPendingOrderPaysThePriceQuotedWhenItWasReserved() {
        String orderId = asUser(1).body("""
                {"userId":1,"payNow":false,"items":[{"productId":%d,"optionId":%d,"quantity":2}]}
                """.formatted(shirt.productId(), shirt.option(1))).post("/api/v1/orders").then().statusCode(201)
                .body("status", equalTo("PENDING_PAYMENT")).body("totalAmount", equalTo(80_000))
                .extract().path("orderId");

        asAdmin(9).body("{\"name\":\"Linen Shirt\",\"price\":59000}").put(productPath()).then().statusCode(200);

        asUser(1).post("/api/v1/orders/" + orderId + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("totalAmount", equalTo(80_000))
                .body("items[0].unitPrice", equalTo(40_000)).body("paidAmount", equalTo(80_000));
        asUser(1).get("/api/v1/users/1/balance/transactions").then()
                .body("content[0].type", equalTo("PAYMENT")).body("content[0].amount", equalTo(-80_000))
                .body("content[0].orderId", equalTo(orderId));
        assertThat(fixtures().balance(1)).isEqualTo(420_000).isEqualTo(fixtures().ledgerSum(1));
    }

    @Test
    void addsAnOptionWithItsStock() {
        anonymous().get(publicPath()).then().body("options", hasSize(2));

        asAdmin(9).body("{\"name\":\"XL\",\"additionalPrice\":3000,\"stock\":4}").post(productPath() + "/options")
                .then().statusCode(201).body("options.name", contains("Option 0", "Option 1", "XL"))
                .body("stock", equalTo(19));

        long xl = anonymous().get(publicPath()).then().body("options", hasSize(3)).extract().jsonPath()
                .getLong("options[2].id");
        asUser(1).body(order(xl)).post("/api/v1/orders").then().statusCode(201)
                .body("items[0].optionName", equalTo("XL")).body("items[0].unitPrice", equalTo(42_000));
    }

    @Test
    void replacesAnOptionsNameAndAdditionalPrice() {
        anonymous().get(publicPath()).then().body("options[1].additionalPrice", equalTo(1000));

        asAdmin(9).body("{\"name\":\"Blue / L\",\"additionalPrice\":2500}")
                .put(productPath() + "/options/" + shirt.option(1))
                .then().statusCode(200).body("options[1].name", equalTo("Blue / L"))
                .body("options[1].additionalPrice", equalTo(2500)).body("options[1].stock", equalTo(5));

        asUser(1).body(order(shirt.option(1))).post("/api/v1/orders").then().statusCode(201)
                .body("items[0].optionName", equalTo("Blue / L")).body("items[0].unitPrice", equalTo(41_500));
    }

    @Test
    void refusesANameAnotherProductOrOptionHas() {
        asAdmin(9).body("{\"name\":\"Wool Coat\",\"price\":1}").put(productPath())
                .then().statusCode(409).body("code", equalTo("DUPLICATE_PRODUCT_NAME"));
        asAdmin(9).body("{\"name\":\"Option 0\",\"additionalPrice\":0,\"stock\":1}").post(productPath() + "/options")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_OPTION_NAME"));
        asAdmin(9).body("{\"name\":\"Option 0\",\"additionalPrice\":0}").put(productPath() + "/options/" + shirt.option(1))
                .then().statusCode(409).body("code", equalTo("DUPLICATE_OPTION_NAME"));

        anonymous().get(publicPath()).then().body("name", equalTo("Linen Shirt")).body("price", equalTo(39_000))
                .body("options.name", contains("Option 0", "Option 1"));
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void namesWhatIsMissing() {
        asAdmin(9).body("{\"name\":\"X\",\"price\":1}").put("/api/v1/admin/products/999999")
                .then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        asAdmin(9).body("{\"name\":\"X\",\"additionalPrice\":0,\"stock\":1}").post("/api/v1/admin/products/999999/options")
                .then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        asAdmin(9).body("{\"name\":\"X\",\"additionalPrice\":0}").put(productPath() + "/options/999999")
                .then().statusCode(404).body("code", equalTo("OPTION_NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"name\":\"X\"}", "{\"price\":1}", "{\"name\":\" \",\"price\":1}",
            "{\"name\":\"X\",\"price\":-1}", "{\"name\":\"X\",\"price\":\"1\"}", "{\"name\":\"X\\u0000\",\"price\":1}",
            "{\"name\":\"X\",\"price\":1,\"price\":2}" })
    void refusesAnInvalidProductChange(String body) {
        asAdmin(9).body(body).put(productPath()).then().statusCode(400);

        anonymous().get(publicPath()).then().body("name", equalTo("Linen Shirt")).body("price", equalTo(39_000));
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsChangeProducts() {
        asUser(1).body("{\"name\":\"X\",\"price\":1}").put(productPath()).then().statusCode(403);
        anonymous().body("{\"name\":\"X\",\"additionalPrice\":0,\"stock\":1}").post(productPath() + "/options")
                .then().statusCode(401);
        asUser(1).body("{\"name\":\"X\",\"additionalPrice\":0}").put(productPath() + "/options/" + shirt.option(0))
                .then().statusCode(403);
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void concurrentAdditionsNeverPassTenOptions() throws Exception {
        AtomicInteger names = new AtomicInteger();
        String admin = token(9, Role.ADMIN);
        List<ConcurrentRequests.Result> results = ConcurrentRequests.run(20, i -> Call.post(
                baseUrl() + productPath() + "/options", admin,
                "{\"name\":\"Size " + names.incrementAndGet() + "\",\"additionalPrice\":0,\"stock\":1}"));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(8);
        assertThat(results).filteredOn(r -> r.status() != 201)
                .allMatch(r -> r.status() == 409 && r.body().contains("\"OPTION_LIMIT_REACHED\""));
        assertThat(jdbc.sql("select count(*) from product_option where product_id = :id")
                .param("id", shirt.productId()).query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("""
                select count(*) from option_stock s join product_option o on o.id = s.option_id
                 where o.product_id = :id""").param("id", shirt.productId()).query(Long.class).single()).isEqualTo(10);
        assertThat(version()).as("refused additions roll back their version").isEqualTo(1 + 8);
    }

    private String productPath() {
        return "/api/v1/admin/products/" + shirt.productId();
    }

    private String publicPath() {
        return "/api/v1/products/" + shirt.productId();
    }

    private long version() {
        return jdbc.sql("select version from product where id = :id").param("id", shirt.productId())
                .query(Long.class).single();
    }

    private String order(long optionId) {
        return """
                {"userId":1,"items":[{"productId":%d,"optionId":%d,"quantity":1}]}
                """.formatted(shirt.productId(), optionId);
    }
}
