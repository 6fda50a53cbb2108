package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import shop.commerce.support.error.ErrorCode;
import shop.commerce.support.error.ErrorCodeCatalog;
import shop.commerce.testing.CommittedFiles;
import shop.commerce.testing.IntegrationTestSupport;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The published OpenAPI description says what the API does. */
@SuppressWarnings("unchecked")
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

    @Test
    void theSwaggerUiConfigurationDoesNotFollowTheHostHeader() {
        for (String path : List.of("/v3/api-docs/swagger-config", "/swagger-ui/index.html",
                "/swagger-ui/swagger-initializer.js")) {
            String body = fromEvilHost().get(path).then().statusCode(200).extract().asString();
            assertThat(body).as(path).doesNotContain("evil.example");
        }
        String location = fromEvilHost().redirects().follow(false).get("/swagger-ui.html").then().statusCode(302)
                .extract().header("Location");
        assertThat(location).doesNotContain("evil.example");
    }

    private io.restassured.specification.RequestSpecification fromEvilHost() {
        return anonymous().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "8443");
    }

    @Test
    void eachOperationListsTheErrorCodesItCanAnswerWithANamedExampleEach() {
        JsonPath docs = docs();
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = docs.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                if (Integer.parseInt(status) < 400) {
                    return;
                }
                Map<?, ?> problem = (Map<?, ?>) ((Map<?, ?>) response.get("content")).get("application/problem+json");
                Map<String, Map<String, Object>> examples = problem == null ? Map.of()
                        : (Map<String, Map<String, Object>>) problem.get("examples");
                if (examples == null || examples.isEmpty()) {
                    wrong.add(method + " " + path + " " + status + ": no example");
                    return;
                }
                examples.forEach((name, example) -> {
                    ErrorCode code = ErrorCodeCatalog.all().get(name);
                    Map<?, ?> body = (Map<?, ?>) example.get("value");
                    if (code == null || code.status().value() != Integer.parseInt(status)
                            || !name.equals(body.get("code")) || !status.equals(String.valueOf(body.get("status")))) {
                        wrong.add(method + " " + path + " " + status + ": example " + name);
                    }
                });
            });
        }));
        assertThat(wrong).isEmpty();
        assertThat(exampleNames(docs, "/api/v1/orders", "post", "409")).contains("OUT_OF_STOCK",
                "COUPON_NOT_USABLE", "INSUFFICIENT_BALANCE", "EMPTY_CART",
                "IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(exampleNames(docs, "/api/v1/orders", "post", "404")).contains("PRODUCT_NOT_FOUND", "OPTION_NOT_FOUND");
        assertThat(exampleNames(docs, "/api/v1/users/{userId}/coupons", "post", "409")).contains("COUPON_SOLD_OUT",
                "COUPON_ALREADY_ISSUED", "COUPON_NOT_ISSUABLE");
        assertThat(exampleNames(docs, "/api/v1/products/{productId}", "get", "404")).containsExactly("PRODUCT_NOT_FOUND");
    }

    @Test
    void theIdempotencyKeyHeaderHasItsSchemaWhereverItIsTaken() {
        JsonPath docs = docs();
        for (String path : List.of("/api/v1/orders", "/api/v1/orders/{orderId}/payment", "/api/v1/orders/{orderId}/cancel",
                "/api/v1/users/{userId}/balance/charge")) {
            List<Map<String, Object>> parameters = docs.getList("paths.'" + path + "'.post.parameters");
            assertThat(parameters).as(path).filteredOn(p -> "Idempotency-Key".equals(p.get("name"))).singleElement()
                    .satisfies(p -> assertThat((Map<String, Object>) p.get("schema")).containsEntry("type", "string")
                            .containsEntry("maxLength", 255));
        }
    }

    /** docs/openapi.json is what the service serves: the client generated from it is the real API's. */
    @Test
    void theCommittedDescriptionIsTheOneServed() throws Exception {
        String served = anonymous().get("/v3/api-docs").then().statusCode(200).extract().asString();
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        Path generated = Path.of("target/openapi/openapi.json");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, json.writeValueAsString(json.readValue(served, Map.class)) + "\n");
        CommittedFiles.assertFileMatches(generated, Path.of("docs/openapi.json"));
    }

    private static List<String> exampleNames(JsonPath docs, String path, String method, String status) {
        return List.copyOf(docs.getMap("paths.'" + path + "'." + method + ".responses.'" + status
                + "'.content.'application/problem+json'.examples").keySet().stream().map(String::valueOf).toList());
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
