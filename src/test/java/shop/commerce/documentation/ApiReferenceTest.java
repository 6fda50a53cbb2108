package shop.commerce.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import shop.commerce.support.error.ErrorCodeCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/api.md documents every error code the service can answer and every operation of the OpenAPI
 * description (docs/openapi.json, which {@code OpenApiDescriptionIntegrationTest} holds to what the
 * service serves).
 */
class ApiReferenceTest {

    private static final Path REFERENCE = Path.of("docs/api.md");
    private static final Path OPENAPI = Path.of("docs/openapi.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void everyErrorCodeTheServiceCanAnswerIsDocumented() throws IOException {
        String reference = Files.readString(REFERENCE);
        List<String> missing = ErrorCodeCatalog.all().keySet().stream()
                .filter(code -> !reference.contains("`" + code + "`")).toList();
        assertThat(ErrorCodeCatalog.all()).as("error codes found on the class path").containsKeys("OUT_OF_STOCK",
                "VALIDATION_FAILED", "COUPON_SOLD_OUT", "INSUFFICIENT_BALANCE", "ORDER_NOT_PAYABLE");
        assertThat(missing).as("error codes missing from " + REFERENCE).isEmpty();
    }

    @Test
    void everyOperationOfTheOpenApiDescriptionHasItsSection() throws IOException {
        Set<String> headings = new TreeSet<>(Files.readAllLines(REFERENCE).stream()
                .filter(line -> line.startsWith("### ")).map(line -> line.substring(4).strip()).toList());
        JsonNode paths = JsonMapper.builder().build().readTree(OPENAPI.toFile()).get("paths");
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                String operation = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (METHODS.contains(method) && headings.stream().noneMatch(h -> h.startsWith(operation)
                        && (h.length() == operation.length() || h.charAt(operation.length()) == ' '))) {
                    missing.add(operation);
                }
            }
        }
        assertThat(paths.size()).as("paths in " + OPENAPI).isGreaterThan(10);
        assertThat(missing).as("operations without a '### METHOD path' section in " + REFERENCE).isEmpty();
    }
}
