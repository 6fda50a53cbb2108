package shop.commerce.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.HeadlessChromium;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * The storefront in a real browser (headless Chromium) against the running service: what a shopper
 * and an administrator do, what the page then shows, and what the database then holds. Screenshots
 * of the steps go to target/storefront-screenshots.
 */
class StorefrontBrowserIntegrationTest extends IntegrationTestSupport {

    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.startOrSkip();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.forgetSession(baseUrl());
    }

    @Test
    void aShopperBrowsesChargesClaimsACouponOrdersPaysAndCancelsWithARefund() {
        ProductRef shirt = fixtures().product("Linen Shirt", 39000, 10, 5);
        long coupon = fixtures().fixedCoupon("Welcome 5,000", 5000, 2);
        buy(9, shirt.productId(), shirt.option(1), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous().get("/api/v1/products/top?days=3&limit=5")
                .then().extract().jsonPath().getList("name").contains("Linen Shirt"));

        browser.open(baseUrl() + "/");
        browser.awaitTextContaining("product-grid", "Linen Shirt");
        browser.awaitTextContaining("product-grid", "₩39,000");
        browser.awaitTextContaining("top-products", "Linen Shirt");
        browser.screenshot("01-catalog");

        browser.type("demo-user-id", "1");
        browser.click("demo-sign-in");
        browser.awaitTextContaining("signed-in-as", "사용자 1");

        browser.open(baseUrl() + "/#/balance");
        browser.awaitText("balance", "₩0");
        browser.type("charge-amount", "200000");
        browser.click("charge");
        browser.awaitText("balance", "₩200,000");
        assertThat(fixtures().balance(1)).isEqualTo(200_000);
        browser.screenshot("02-balance-charged");

        browser.type("charge-amount", "0");
        browser.click("charge");
        browser.awaitText("problem-code", "INVALID_CHARGE_AMOUNT");
        assertThat(browser.textOf("problem-detail")).isNotBlank();
        assertThat(fixtures().balance(1)).isEqualTo(200_000);
        browser.screenshot("03-refused-charge");

        browser.open(baseUrl() + "/#/coupons");
        browser.awaitText("coupon-remaining-" + coupon, "2");
        browser.click("claim-coupon-" + coupon);
        browser.awaitText("coupon-remaining-" + coupon, "1");
        browser.awaitTextContaining("my-coupons", "Welcome 5,000");
        fixtures().issue(token(2, Role.USER), 2, coupon);
        browser.awaitText("coupon-remaining-" + coupon, "0");
        browser.awaitText("claim-coupon-" + coupon, "매진");
        assertThat(browser.enabled("claim-coupon-" + coupon)).isFalse();
        assertThat(jdbc.sql("select count(*) from user_coupon where coupon_id = :c").param("c", coupon)
                .query(Long.class).single()).isEqualTo(2);
        browser.screenshot("04-coupon-sold-out");

        browser.open(baseUrl() + "/#/products/" + shirt.productId());
        browser.awaitText("option-stock-" + shirt.option(0), "10");
        buy(3, shirt.productId(), shirt.option(0), 2);
        browser.awaitText("option-stock-" + shirt.option(0), "8");
        browser.screenshot("05-stock-falls-live");
        browser.choose("option-select", String.valueOf(shirt.option(0)));
        browser.type("quantity", "2");
        browser.click("add-to-cart");
        browser.awaitTextContaining("notice", "장바구니에 담았습니다");

        long userCoupon = jdbc.sql("select id from user_coupon where user_id = 1").query(Long.class).single();
        browser.open(baseUrl() + "/#/cart");
        browser.awaitText("cart-total", "₩78,000");
        browser.choose("checkout-coupon", String.valueOf(userCoupon));
        browser.screenshot("06-cart");
        browser.click("place-order");
        browser.awaitText("order-status", "결제 완료");
        browser.awaitText("order-paid", "₩73,000");
        String paidNow = browser.textOf("order-id");
        assertThat(order(paidNow)).containsEntry("status", "PAID").containsEntry("paid_amount", 73_000L);
        assertThat(fixtures().balance(1)).isEqualTo(127_000);
        browser.screenshot("07-paid-now-with-coupon");

        browser.open(baseUrl() + "/#/products/" + shirt.productId());
        browser.awaitText("option-stock-" + shirt.option(0), "6");
        browser.choose("option-select", String.valueOf(shirt.option(0)));
        browser.type("quantity", "1");
        browser.click("add-to-cart");
        browser.awaitTextContaining("notice", "장바구니에 담았습니다");
        browser.open(baseUrl() + "/#/cart");
        browser.awaitText("cart-total", "₩39,000");
        browser.click("pay-later");
        browser.click("place-order");
        browser.awaitText("order-status", "결제 대기");
        browser.awaitTextContaining("payment-timer", ":");
        String reserved = browser.textOf("order-id");
        assertThat(order(reserved)).containsEntry("status", "PENDING_PAYMENT");
        assertThat(fixtures().stock(shirt.option(0))).containsExactly(6L, 1L);
        browser.screenshot("08-reserved-with-timer");
        browser.click("pay-order");
        browser.awaitText("order-status", "결제 완료");
        assertThat(order(reserved)).containsEntry("status", "PAID").containsEntry("paid_amount", 39_000L);
        assertThat(fixtures().balance(1)).isEqualTo(88_000);

        browser.click("cancel-order");
        browser.awaitText("order-status", "취소됨");
        browser.awaitTextContaining("notice", "₩39,000");
        browser.awaitTextContaining("notice", "환불");
        assertThat(order(reserved)).containsEntry("status", "CANCELLED");
        assertThat(fixtures().balance(1)).isEqualTo(127_000);
        assertThat(fixtures().ledgerSum(1)).isEqualTo(127_000);
        assertThat(fixtures().stock(shirt.option(0))).containsExactly(6L, 0L);
        browser.screenshot("09-cancelled-and-refunded");

        browser.open(baseUrl() + "/#/orders");
        browser.awaitText("order-status-" + paidNow, "결제 완료");
        browser.awaitText("order-status-" + reserved, "취소됨");
        browser.screenshot("10-order-history");
        browser.open(baseUrl() + "/#/balance");
        browser.awaitText("balance", "₩127,000");
        browser.awaitTextContaining("ledger", "환불");
        browser.screenshot("11-ledger-with-refund");
    }

    @Test
    void anAdministratorRestocksChangesAPriceAndSeesTheConsistencyCheckAndTheBacklog() {
        ProductRef mug = fixtures().product("Ceramic Mug", 15000, 3);

        browser.open(baseUrl() + "/admin.html");
        browser.click("demo-sign-in");
        browser.awaitTextContaining("signed-in-as", "ADMIN");
        browser.awaitTextContaining("backlog", "건");

        browser.type("restock-product", String.valueOf(mug.productId()));
        browser.type("restock-option", String.valueOf(mug.option(0)));
        browser.type("restock-quantity", "7");
        browser.click("restock");
        browser.awaitTextContaining("notice", "전체 재고 10");
        assertThat(fixtures().stock(mug.option(0))).containsExactly(10L, 0L);

        browser.type("reprice-product", String.valueOf(mug.productId()));
        browser.type("reprice-name", "Ceramic Mug");
        browser.type("reprice-price", "17000");
        browser.click("reprice");
        browser.awaitTextContaining("notice", "변경했습니다");
        assertThat(jdbc.sql("select price from product where id = :id").param("id", mug.productId())
                .query(Long.class).single()).isEqualTo(17_000);

        browser.type("new-product-name", "ceramic mug ");
        browser.type("new-product-price", "1000");
        browser.click("create-product");
        browser.awaitText("problem-code", "DUPLICATE_PRODUCT_NAME");
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(1);
        browser.screenshot("20-admin-refusal");

        browser.click("run-check");
        browser.awaitText("consistency-clean", "이상 없음");
        browser.screenshot("21-admin-consistency");

        browser.open(baseUrl() + "/#/products/" + mug.productId());
        browser.awaitText("option-stock-" + mug.option(0), "10");
        browser.awaitTextContaining("product-stock", "10");
        browser.screenshot("22-shop-after-admin-change");
    }

    private void buy(long userId, long productId, long optionId, int quantity) {
        fixtures().balances(userId, userId, 1_000_000);
        asUser(userId).body("""
                {"userId":%d,"items":[{"productId":%d,"optionId":%d,"quantity":%d}]}
                """.formatted(userId, productId, optionId, quantity))
                .post("/api/v1/orders").then().statusCode(201).body("status", equalTo("PAID"));
    }

    private Map<String, Object> order(String orderId) {
        return jdbc.sql("select status, paid_amount from orders where id = :id").param("id", orderId).query().singleRow();
    }
}
