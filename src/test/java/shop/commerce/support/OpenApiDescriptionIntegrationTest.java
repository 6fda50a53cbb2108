package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import shop.commerce.testing.IntegrationTestSupport;

/** The published OpenAPI description says what the API does (issue 10, item 8). */
class OpenApiDescriptionIntegrationTest extends IntegrationTestSupport {

    @Test
    void pagedOperationsTakeSeparateOptionalPageAndSizeParameters() {
        JsonPath docs = docs();
        for (String path : List.of("/api/v1/products", "/api/v1/users/{userId}/orders",
                "/api/v1/users/{userId}/balance/transactions")) {
            List<Map<String, Object>> parameters = docs.getList("paths.'" + path + "'.get.parameters");
            assertThat(parameters).as(path).filteredOn(p -> "query".equals(p.get("in")))
                    .extracting(p -> p.get("name")).containsExactlyInAnyOrder("page", "size");
            assertThat(parameters).filteredOn(p -> "query".equals(p.get("in")))
                    .allSatisfy(p -> {
                        assertThat(p.get("required")).isNotEqualTo(true);
                        assertThat(((Map<?, ?>) p.get("schema")).get("type")).isEqualTo("integer");
                    });
        }
    }

    @Test
    void operationsDeclareTheirRealStatusesAndTypedBodies() {
        JsonPath docs = docs();
        assertThat(docs.getMap("paths.'/api/v1/orders'.post.responses")).containsKey("201").doesNotContainKey("200");
        assertThat(schemaRef(docs, "/api/v1/orders", "post", "201")).endsWith("/OrderResponse");
        assertThat(schemaRef(docs, "/api/v1/orders/{orderId}/payment", "post", "200")).endsWith("/OrderResponse");
        assertThat(schemaRef(docs, "/api/v1/orders/{orderId}/cancel", "post", "200")).endsWith("/OrderResponse");
        assertThat(schemaRef(docs, "/api/v1/users/{userId}/balance/charge", "post", "200"))
                .endsWith("/ChargeBalanceResponse");
        assertThat(docs.getMap("paths.'/api/v1/admin/coupons'.post.responses")).containsKey("201")
                .doesNotContainKey("200");
    }

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        JsonPath docs = docs();
        assertThat(docs.getMap("components.schemas.Problem.properties")).containsKeys("code", "requestId", "status");
        List<String> undocumented = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = docs.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            Map<?, ?> badRequest = (Map<?, ?>) responses.get("400");
            if (badRequest == null || !((Map<?, ?>) badRequest.get("content")).containsKey("application/problem+json")) {
                undocumented.add(method + " " + path);
            }
            if (operation.containsKey("security") && ((List<?>) operation.get("security")).isEmpty()) {
                return;
            }
            if (!responses.containsKey("401") && !path.startsWith("/api/v1/products") && !path.startsWith("/api/v1/coupons")
                    && !path.startsWith("/api/v1/dev")) {
                undocumented.add(method + " " + path + " 401");
            }
        }));
        assertThat(undocumented).isEmpty();
        assertThat(docs.getMap("paths.'/api/v1/admin/products'.post.responses")).containsKeys("401", "403", "409", "413",
                "415");
    }

    @Test
    void theServersComeFromConfigurationNotFromTheHostHeader() {
        JsonPath docs = anonymous().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
        assertThat(docs.getList("servers.url", String.class)).containsExactly("/");
        assertThat(anonymous().get("/v3/api-docs").then().extract().asString()).doesNotContain("evil.example");
    }

    private JsonPath docs() {
        return anonymous().get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    }

    private static String schemaRef(JsonPath docs, String path, String method, String status) {
        Map<String, Map<String, Object>> content = docs.getMap("paths.'" + path + "'." + method + ".responses.'" + status
                + "'.content");
        assertThat(content).as(method + " " + path + " " + status).isNotEmpty();
        return (String) ((Map<?, ?>) content.values().iterator().next().get("schema")).get("$ref");
    }
}
