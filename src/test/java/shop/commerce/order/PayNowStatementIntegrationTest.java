package shop.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.commerce.support.security.Role;
import shop.commerce.testing.CommerceFixtures;
import shop.commerce.testing.CommerceFixtures.ProductRef;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * An order paid at once is one statement, priced from this instance's cache of product definitions
 * and confirmed by the database; its refusals keep docs/api.md's precedence and change nothing.
 */
class PayNowStatementIntegrationTest extends IntegrationTestSupport {

    private CommerceFixtures fixtures;
    private ProductRef shirt;

    @BeforeEach
    void catalogAndMoney() {
        fixtures = fixtures();
        shirt = fixtures.product("Linen Shirt", 39_000, 10, 5);
        fixtures.balances(1, 3, 500_000);
    }

    @Test
    void aPaidOrderIsOneStatementOnceTheProductIsCached() {
        order(1, shirt.option(0), 1).then().statusCode(201);
        queryCounter.reset();

        order(2, shirt.option(1), 2).then().statusCode(201).body("paidAmount", equalTo(80_000));

        List<String> statements = queryCounter.requestStatements();
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0)).contains("place_paid_order");
    }

    @Test
    void aPriceChangedBehindTheCacheIsNeverCharged() {
        order(1, shirt.option(0), 1).then().statusCode(201).body("items.unitPrice", contains(39_000));
        jdbc.sql("update product set price = 41000 where id = :id").param("id", shirt.productId()).update();

        order(2, shirt.option(0), 1).then().statusCode(201)
                .body("items.unitPrice", contains(41_000)).body("paidAmount", equalTo(41_000));
        assertThat(fixtures.balance(2)).isEqualTo(500_000 - 41_000);
        assertThat(jdbc.sql("select unit_price from order_line l join orders o on o.id = l.order_id where o.user_id = 2")
                .query(Long.class).single()).isEqualTo(41_000);
    }

    @Test
    void aRenamedOptionIsRecordedWithItsNewName() {
        order(1, shirt.option(0), 1).then().statusCode(201);
        jdbc.sql("update product_option set name = 'Ecru / M' where id = :id").param("id", shirt.option(0)).update();

        order(2, shirt.option(0), 1).then().statusCode(201).body("items.optionName", contains("Ecru / M"));
    }

    @Test
    void anOptionTheCacheDoesNotKnowYetIsFound() {
        order(1, shirt.option(0), 1).then().statusCode(201);
        long added = jdbc.sql("insert into product_option (product_id, name, name_key, additional_price)"
                + " values (:p, 'XL', 'xl', 0)"
                + " returning id").param("p", shirt.productId()).query(Long.class).single();
        jdbc.sql("insert into option_stock (option_id, total, reserved) values (:o, 3, 0)").param("o", added).update();

        order(2, added, 1).then().statusCode(201);
    }

    @Test
    void stockIsRefusedBeforeTheCouponAndTheCouponBeforeTheBalance() {
        long coupon = fixtures.fixedCoupon("Five off", 5_000, 10);
        long used = fixtures.issue(token(3, Role.USER), 3, coupon);
        order(3, shirt.option(1), 1, used).then().statusCode(201);
        jdbc.sql("update user_balance set balance = 100 where user_id = 3").update();
        Snapshot before = snapshot();

        order(3, shirt.option(1), 5, used).then().statusCode(409).body("code", equalTo("OUT_OF_STOCK"))
                .body("optionIds", contains((int) shirt.option(1)));
        order(3, shirt.option(1), 1, used).then().statusCode(409).body("code", equalTo("COUPON_NOT_USABLE"));
        order(3, shirt.option(1), 1, null).then().statusCode(409).body("code", equalTo("INSUFFICIENT_BALANCE"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCouponOfAnotherUserIsNotUsableAndChangesNothing() {
        long coupon = fixtures.fixedCoupon("Five off", 5_000, 10);
        long othersCoupon = fixtures.issue(token(2, Role.USER), 2, coupon);
        Snapshot before = snapshot();

        order(1, shirt.option(0), 1, othersCoupon).then().statusCode(409).body("code", equalTo("COUPON_NOT_USABLE"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCouponPaysItsDiscountInTheSameStatement() {
        long coupon = fixtures.fixedCoupon("Five off", 5_000, 10);
        long userCoupon = fixtures.issue(token(1, Role.USER), 1, coupon);

        String orderId = order(1, shirt.option(0), 2, userCoupon).then().statusCode(201)
                .body("discountAmount", equalTo(5_000)).body("paidAmount", equalTo(73_000))
                .extract().path("orderId");

        assertThat(fixtures.balance(1)).isEqualTo(500_000 - 73_000);
        assertThat(jdbc.sql("select order_id from user_coupon where id = :id").param("id", userCoupon)
                .query(String.class).single()).isEqualTo(orderId);
        assertThat(jdbc.sql("select count(*) from data_platform_outbox where order_id = :id").param("id", orderId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select (select coalesce(sum(quantity), 0) from ranking_sale where product_id = :id)
                     + (select coalesce(sum(quantity), 0) from product_sales_daily where product_id = :id)
                """).param("id", shirt.productId()).query(Long.class).single()).isEqualTo(2);
    }

    private Response order(long userId, long optionId, int quantity) {
        return order(userId, optionId, quantity, null);
    }

    private Response order(long userId, long optionId, int quantity, Long userCouponId) {
        return asUser(userId).body("""
                {"userId":%d,"items":[{"productId":%d,"optionId":%d,"quantity":%d}],"userCouponId":%s}
                """.formatted(userId, shirt.productId(), optionId, quantity, userCouponId))
                .post("/api/v1/orders");
    }

    private Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("select count(*) from orders").query(Long.class).single(),
                jdbc.sql("select coalesce(sum(total * 1000 + reserved), 0) from option_stock").query(Long.class).single(),
                jdbc.sql("select coalesce(sum(balance), 0) from user_balance").query(Long.class).single(),
                jdbc.sql("select count(*) from balance_transaction").query(Long.class).single(),
                jdbc.sql("select count(*) from user_coupon where used_at is not null").query(Long.class).single(),
                jdbc.sql("select count(*) from data_platform_outbox").query(Long.class).single(),
                jdbc.sql("select (select coalesce(sum(quantity), 0) from ranking_sale)"
                        + " + (select coalesce(sum(quantity), 0) from product_sales_daily)").query(Long.class).single());
    }

    private record Snapshot(long orders, long stock, long balances, long ledgerRows, long usedCoupons,
            long outboxRows, long quantitySold) {
    }
}
