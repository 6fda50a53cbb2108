package shop.commerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import shop.commerce.testing.IntegrationTestSupport;

class CouponOpenApiIntegrationTest extends IntegrationTestSupport {

    @Test
    void describesEveryCouponEndpointWithItsStatus() {
        JsonPath api = apiDocs();

        assertThat(api.getMap("paths.'/api/v1/admin/coupons'.post.responses")).containsKey("201");
        assertThat(api.getMap("paths.'/api/v1/coupons/{couponId}'.get.responses")).containsKey("200");
        assertThat(api.getList("paths.'/api/v1/coupons/{couponId}'.get.security")).isEmpty();
        assertThat(api.getMap("paths.'/api/v1/users/{userId}/coupons'.post.responses")).containsKey("201");
        assertThat(api.getMap("paths.'/api/v1/users/{userId}/coupons'.get.responses")).containsKey("200");
        List<Map<String, Object>> listParameters = api.getList("paths.'/api/v1/users/{userId}/coupons'.get.parameters");
        assertThat(listParameters).extracting(p -> p.get("name")).contains("userId", "status");
        assertThat(api.getList("paths.'/api/v1/users/{userId}/coupons'.get.parameters.find { it.name == 'status' }.schema.enum"))
                .containsExactly("AVAILABLE", "USED", "EXPIRED");
    }

    @Test
    void describesEveryCouponField() {
        JsonPath api = apiDocs();

        assertThat(properties(api, "CreateCouponRequest")).containsExactlyInAnyOrder("name", "discountType",
                "discountValue", "maxDiscountAmount", "minOrderAmount", "totalQuantity", "validDays",
                "issueStartsAt", "issueEndsAt");
        assertThat(api.getList("components.schemas.CreateCouponRequest.required")).containsExactlyInAnyOrder(
                "name", "discountType", "discountValue", "totalQuantity", "validDays");
        assertThat(properties(api, "CouponResponse")).containsExactlyInAnyOrder("id", "name", "discountType",
                "discountValue", "maxDiscountAmount", "minOrderAmount", "totalQuantity", "issuedQuantity",
                "remainingQuantity", "validDays", "issueStartsAt", "issueEndsAt");
        assertThat(properties(api, "IssueCouponRequest")).containsExactlyInAnyOrder("userId", "couponId");
        assertThat(properties(api, "UserCouponResponse")).containsExactlyInAnyOrder("userCouponId", "couponId",
                "userId", "name", "discountType", "discountValue", "status", "issuedAt", "expiresAt", "usedAt",
                "orderId");
    }

    private JsonPath apiDocs() {
        return anonymous().get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> properties(JsonPath api, String schema) {
        Map<String, Object> properties = api.getMap("components.schemas." + schema + ".properties");
        assertThat(properties).as(schema).isNotNull();
        return List.copyOf(properties.keySet());
    }
}
