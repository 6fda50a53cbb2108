package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.SecondInstance;

/**
 * Two instances of the service, sharing PostgreSQL and Redis, race for one coupon; then every
 * user claims again, answered by each instance from its memory of the sell-out.
 */
class CouponMultiInstanceConcurrencyTest extends CouponTestSupport {

    @Test
    void twoInstancesRacingForOneCouponIssueExactlyTheQuota() throws Exception {
        long couponId = createCoupon(100);
        try (ConfigurableApplicationContext secondInstance = SecondInstance.start()) {
            String first = baseUrl();
            String second = SecondInstance.baseUrl(secondInstance);
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

            // every user again, and 100 new ones, each on the other instance: both now know the sell-out
            Set<Integer> winners = IntStream.range(0, 800).filter(i -> results.get(i).status() == 201).boxed()
                    .collect(Collectors.toSet());
            List<String> moreTokens = IntStream.rangeClosed(801, 900).mapToObj(userId -> token(userId, Role.USER))
                    .toList();
            List<Result> again = ConcurrentRequests.run(900, i -> Call.post(
                    (i % 2 == 0 ? second : first) + "/api/v1/users/" + (i + 1) + "/coupons",
                    i < 800 ? tokens.get(i) : moreTokens.get(i - 800), "{\"couponId\":" + couponId + "}"));

            for (int i = 0; i < 900; i++) {
                String expected = winners.contains(i) ? "\"COUPON_ALREADY_ISSUED\"" : "\"COUPON_SOLD_OUT\"";
                assertThat(again.get(i).status()).as("user %d", i + 1).isEqualTo(409);
                assertThat(again.get(i).body()).as("user %d", i + 1).contains(expected);
            }
            assertThat(userCouponRows(couponId)).isEqualTo(100);
            assertThat(distinctHolders(couponId)).isEqualTo(100);
            assertThat(issuedQuantity(couponId)).isEqualTo(100);
        }
    }
}
