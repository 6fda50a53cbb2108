package shop.commerce.testing;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Builds test data through the real API (products, coupons) or, for bulk balances, through the
 * ledger's own tables with balance = sum of the ledger kept true.
 */
public final class CommerceFixtures {

    private final String adminToken;
    private final JdbcClient jdbc;

    public CommerceFixtures(String adminToken, JdbcClient jdbc) {
        this.adminToken = adminToken;
        this.jdbc = jdbc;
    }

    public record ProductRef(long productId, List<Long> optionIds) {

        public long option(int index) {
            return optionIds.get(index);
        }
    }

    /** A product whose options are named "Option 0".. with the given stocks; option i costs price + 1,000 * i. */
    public ProductRef product(String name, long price, long... stocks) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < stocks.length; i++) {
            options.append(i == 0 ? "" : ",").append("{\"name\":\"Option ").append(i)
                    .append("\",\"additionalPrice\":").append(1000L * i).append(",\"stock\":").append(stocks[i])
                    .append('}');
        }
        JsonPath product = admin().body("{\"name\":\"" + name + "\",\"price\":" + price + ",\"options\":[" + options
                + "]}").post("/api/v1/admin/products").then().statusCode(201).extract().jsonPath();
        return new ProductRef(product.getLong("id"), product.getList("options.id", Long.class));
    }

    public long fixedCoupon(String name, long discount, long totalQuantity) {
        return admin().body("""
                {"name":"%s","discountType":"FIXED","discountValue":%d,"totalQuantity":%d,"validDays":7}
                """.formatted(name, discount, totalQuantity))
                .post("/api/v1/admin/coupons").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public long percentCoupon(String name, long percent, Long maxDiscount, long minOrderAmount) {
        return admin().body("""
                {"name":"%s","discountType":"PERCENT","discountValue":%d,"maxDiscountAmount":%s,
                 "minOrderAmount":%d,"totalQuantity":100,"validDays":7}
                """.formatted(name, percent, maxDiscount, minOrderAmount))
                .post("/api/v1/admin/coupons").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Issues the coupon to the user through the API; returns the user coupon id. */
    public long issue(String userToken, long userId, long couponId) {
        return given().contentType(ContentType.JSON).auth().oauth2(userToken)
                .body("{\"couponId\":" + couponId + "}").post("/api/v1/users/" + userId + "/coupons")
                .then().statusCode(201).extract().jsonPath().getLong("userCouponId");
    }

    /** Gives users [from, to] a balance through one CHARGE ledger row each. */
    public void balances(long fromUserId, long toUserId, long amount) {
        jdbc.sql("""
                insert into user_balance (user_id, balance, updated_at)
                select u, :amount, now() from generate_series(cast(:from as bigint), cast(:to as bigint)) u
                """).param("amount", amount).param("from", fromUserId).param("to", toUserId).update();
        jdbc.sql("""
                insert into balance_transaction (user_id, type, amount, balance_after, created_at)
                select u, 'CHARGE', :amount, :amount, now()
                  from generate_series(cast(:from as bigint), cast(:to as bigint)) u
                """).param("amount", amount).param("from", fromUserId).param("to", toUserId).update();
    }

    public long balance(long userId) {
        return jdbc.sql("select coalesce((select balance from user_balance where user_id = :u), 0)")
                .param("u", userId).query(Long.class).single();
    }

    public long ledgerSum(long userId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from balance_transaction where user_id = :u")
                .param("u", userId).query(Long.class).single();
    }

    /**
     * Balances that are negative, differ from the sum of their ledger, or differ from their last
     * ledger row's balance_after: 0 when the books hold.
     */
    public long balancesOffTheirLedgers() {
        return jdbc.sql("""
                select count(*) from user_balance b
                 where b.balance < 0
                    or b.balance <> (select coalesce(sum(t.amount), 0) from balance_transaction t
                                      where t.user_id = b.user_id)
                    or b.balance <> coalesce((select t.balance_after from balance_transaction t
                                               where t.user_id = b.user_id order by t.id desc limit 1), 0)
                """).query(Long.class).single();
    }

    /** {total, reserved} of an option. */
    public List<Long> stock(long optionId) {
        return jdbc.sql("select total, reserved from option_stock where option_id = :id").param("id", optionId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    private io.restassured.specification.RequestSpecification admin() {
        return given().contentType(ContentType.JSON).auth().oauth2(adminToken);
    }
}
