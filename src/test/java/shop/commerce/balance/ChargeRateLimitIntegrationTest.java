package shop.commerce.balance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.SecondInstance;

/** Charges have their own per-user bucket (docs/api.md, rate limits); here an instance with a small one. */
class ChargeRateLimitIntegrationTest extends IntegrationTestSupport {

    private static ConfigurableApplicationContext smallBucket;

    @BeforeAll
    static void startAnInstanceWithASmallChargeBucket() {
        smallBucket = SecondInstance.start("--commerce.rate-limit.charges.per-second=1",
                "--commerce.rate-limit.charges.burst=2");
    }

    @AfterAll
    static void stopIt() {
        smallBucket.close();
    }

    @Test
    void refusesChargesOverTheBucketWith429AndRetryAfterButNeverAReplay() {
        charge("k-1").then().statusCode(200);
        List<Response> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            more.add(charge(null));
        }
        Response refused = more.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        refused.then().body("code", equalTo("RATE_LIMITED"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isGreaterThanOrEqualTo(1);

        for (int i = 0; i < 3; i++) {
            charge("k-1").then().statusCode(200).header("Idempotent-Replayed", "true");
        }
        long charged = jdbc.sql("select count(*) from balance_transaction where user_id = 1").query(Long.class)
                .single();
        assertThat(charged).isEqualTo(1 + more.stream().filter(r -> r.statusCode() == 200).count());
    }

    @Test
    void keepsOneBucketPerUser() {
        charge("a-1").then().statusCode(200);
        charge("a-2").then().statusCode(200);
        given().contentType(ContentType.JSON).auth().oauth2(token(2, Role.USER)).body("{\"amount\":1000}")
                .post(SecondInstance.baseUrl(smallBucket) + "/api/v1/users/2/balance/charge").then().statusCode(200);
    }

    private Response charge(String key) {
        RequestSpecification request = given().contentType(ContentType.JSON).auth().oauth2(token(1, Role.USER))
                .body("{\"amount\":1000}");
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post(SecondInstance.baseUrl(smallBucket) + "/api/v1/users/1/balance/charge");
    }
}
