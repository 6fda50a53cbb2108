package shop.commerce.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

class CouponDemoDataIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void createsTheDemoCouponsOnlyWhenThereAreNone() {
        CouponDemoData demoData = new CouponDemoData(context);

        demoData.run(new DefaultApplicationArguments());
        demoData.run(new DefaultApplicationArguments());

        assertThat(jdbc.sql("select discount_type from coupon order by id").query(String.class).list())
                .containsExactly("FIXED", "PERCENT", "PERCENT");
        assertThat(jdbc.sql("select min(total_quantity) from coupon").query(Integer.class).single()).isEqualTo(10);
        asUser(1).body("{\"couponId\":3}").post("/api/v1/users/1/coupons").then().statusCode(201);
    }
}
