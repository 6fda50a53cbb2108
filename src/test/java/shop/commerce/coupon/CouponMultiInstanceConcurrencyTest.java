package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import shop.commerce.CommerceApplication;
import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.EmbeddedInfrastructure;

/** Two instances of the service, sharing PostgreSQL and Redis, race for one coupon. */
class CouponMultiInstanceConcurrencyTest extends CouponTestSupport {

    @Test
    void twoInstancesRacingForOneCouponIssueExactlyTheQuota() throws Exception {
        long couponId = createCoupon(100);
        try (ConfigurableApplicationContext secondInstance = startSecondInstance()) {
            String first = baseUrl();
            String second = "http://localhost:" + secondInstance.getEnvironment().getProperty("local.server.port");
            List<String> tokens = IntStream.rangeClosed(1, 800).mapToObj(userId -> token(userId, Role.USER)).toList();

            List<Result> results = ConcurrentRequests.run(800, i -> Call.post(
                    (i % 2 == 0 ? first : second) + "/api/v1/users/" + (i + 1) + "/coupons", tokens.get(i),
                    "{\"couponId\":" + couponId + "}"));

            assertThat(userCouponRows(couponId)).isEqualTo(100);
            assertThat(distinctHolders(couponId)).isEqualTo(100);
            assertThat(issuedQuantity(couponId)).isEqualTo(100);
            assertThat(results).filteredOn(r -> r.status() == 201).hasSize(100);
            assertThat(results).filteredOn(r -> r.status() != 201).hasSize(700)
                    .allMatch(r -> r.status() == 409 && r.body().contains("\"COUPON_SOLD_OUT\""));
        }
    }

    private static ConfigurableApplicationContext startSecondInstance() {
        List<String> arguments = new ArrayList<>();
        // command-line arguments outrank application.yml, which points at the machine's own servers
        EmbeddedInfrastructure.start().springProperties()
                .forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(CommerceApplication.class).profiles("local")
                .run(arguments.toArray(String[]::new));
    }
}
