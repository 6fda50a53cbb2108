package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;

/** The business metrics on /actuator/prometheus, and the log lines of charges and coupon issues. */
@ExtendWith(OutputCaptureExtension.class)
class BusinessMetricsIntegrationTest extends IntegrationTestSupport {

    @Test
    void countsChargesByOutcomeAndTheChargedAmount() {
        double charged = metric("commerce_balance_charges_total{outcome=\"charged\"}");
        double amount = metric("commerce_balance_charged_krw_total");
        double invalid = metric("commerce_balance_charges_total{outcome=\"INVALID_CHARGE_AMOUNT\"}");

        asUser(5).body("{\"amount\":12000}").post("/api/v1/users/5/balance/charge").then().statusCode(200);
        asUser(5).body("{\"amount\":1}").post("/api/v1/users/5/balance/charge").then().statusCode(400);

        assertThat(metric("commerce_balance_charges_total{outcome=\"charged\"}")).isEqualTo(charged + 1);
        assertThat(metric("commerce_balance_charged_krw_total")).isEqualTo(amount + 12_000);
        assertThat(metric("commerce_balance_charges_total{outcome=\"INVALID_CHARGE_AMOUNT\"}")).isEqualTo(invalid + 1);
    }

    @Test
    void countsCouponIssuesByOutcome() {
        long couponId = fixtures().fixedCoupon("Tiny", 1_000, 1);
        double issued = metric("commerce_coupon_issues_total{outcome=\"issued\"}");
        double already = metric("commerce_coupon_issues_total{outcome=\"already_issued\"}");
        double soldOut = metric("commerce_coupon_issues_total{outcome=\"sold_out\"}");

        issue(1, couponId).then().statusCode(201);
        issue(1, couponId).then().statusCode(409).body("code", equalTo("COUPON_ALREADY_ISSUED"));
        issue(2, couponId).then().statusCode(409).body("code", equalTo("COUPON_SOLD_OUT"));

        assertThat(metric("commerce_coupon_issues_total{outcome=\"issued\"}")).isEqualTo(issued + 1);
        assertThat(metric("commerce_coupon_issues_total{outcome=\"already_issued\"}")).isEqualTo(already + 1);
        assertThat(metric("commerce_coupon_issues_total{outcome=\"sold_out\"}")).isEqualTo(soldOut + 1);
    }

    @Test
    void exportsTheOperationalGauges() {
        anonymous().get("/api/v1/products").then().statusCode(200);
        String scrape = asAdmin(1).get("/actuator/prometheus").then().statusCode(200).extract().asString();

        assertThat(scrape).contains("commerce_outbox_unpublished_events ", "commerce_outbox_oldest_unpublished_age_seconds ",
                "commerce_outbox_relay_failures_total ", "commerce_outbox_published_events_total ",
                "commerce_stock_sold_out_options ", "commerce_sales_aggregation_lag_seconds ",
                "commerce_ranking_max_staleness_seconds 60.0", "commerce_instance_ready 1.0",
                "commerce_consistency_last_run_timestamp_seconds ", "commerce_orders_total{outcome=\"placed\"}",
                "commerce_order_amount_krw_total ", "commerce_stock_outs_total ",
                "http_server_requests_seconds_bucket");
    }

    @Test
    void everyLineOfARequestCarriesItsRequestAndUserIdsAndNoToken(CapturedOutput output) {
        String token = token(6, Role.USER);
        anonymous().auth().oauth2(token).header("X-Request-Id", "follow-me-42").body("{\"amount\":3000}")
                .post("/api/v1/users/6/balance/charge").then().statusCode(200);
        long couponId = fixtures().fixedCoupon("Logged", 2_000, 5);
        anonymous().auth().oauth2(token).header("X-Request-Id", "follow-me-43").body("{\"couponId\":" + couponId + "}")
                .post("/api/v1/users/6/coupons").then().statusCode(201);

        assertThat(output.getOut().lines().filter(l -> l.contains("Balance charged: user=6 amount=3000 KRW")))
                .singleElement().asString().contains("[follow-me-42,6,]").contains("balance=3000 KRW");
        assertThat(output.getOut().lines().filter(l -> l.contains("Coupon issued: coupon=" + couponId + " user=6")))
                .singleElement().asString().contains("[follow-me-43,6,]").contains("discount=2000 FIXED");
        assertThat(output.getOut()).doesNotContain(token);
    }

    private io.restassured.response.Response issue(long userId, long couponId) {
        return asUser(userId).body("{\"couponId\":" + couponId + "}").post("/api/v1/users/" + userId + "/coupons");
    }

    private double metric(String series) {
        String scrape = asAdmin(1).get("/actuator/prometheus").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
