package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import shop.commerce.support.security.Role;
import shop.commerce.testing.ApiProbe;
import shop.commerce.testing.ApiProbe.Answer;
import shop.commerce.testing.ApiProbe.Operation;
import shop.commerce.testing.ApiScenario;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.TestTokens;

/**
 * Every operation of the published OpenAPI description, called with every credential that must
 * not pass: each is refused with 401 or 403, as a problem, and no table changes.
 */
class AccessMatrixIntegrationTest extends IntegrationTestSupport {

    private static final String PAST_LONG = "9223372036854775808";

    @Value("${commerce.security.jwt-secret}")
    String secret;

    @Test
    void everyOperationRefusesEveryCredentialThatMustNotPassAndChangesNothing() {
        ApiProbe probe = new ApiProbe(baseUrl(), jdbc);
        ApiScenario scenario = new ApiScenario(fixtures(), token(ApiScenario.USER, Role.USER),
                token(ApiScenario.OTHER_USER, Role.USER));
        List<Operation> operations = probe.operations(anonymous().get("/v3/api-docs").then().extract().jsonPath());
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        Map<String, String> badTokens = badTokens();
        String before = probe.checksum();
        List<String> wrong = new ArrayList<>();
        int requests = 0;

        for (Operation operation : operations) {
            String path = scenario.path(operation.path(), ApiScenario.USER, scenario.orderId);
            String body = operation.hasBody() || operation.method().equals("POST")
                    ? scenario.validBody(operation.method(), operation.path()) : null;
            Map<String, String> cases = new LinkedHashMap<>();
            badTokens.forEach((name, token) -> cases.put(name, "Bearer " + token));
            if (!operation.isPublic()) {
                cases.put("no token", null);
            }
            if (operation.isAdmin()) {
                cases.put("a USER token on an admin operation", "Bearer " + token(ApiScenario.USER, Role.USER));
            } else if (operation.isOwnedByAUser()) {
                cases.put("another user's token", "Bearer " + token(ApiScenario.OTHER_USER, Role.USER));
            }
            for (Map.Entry<String, String> credential : cases.entrySet()) {
                Answer answer = probe.send(operation.method(), path, credential.getValue(), "application/json", body);
                requests++;
                boolean refused = answer.status() == 401 || answer.status() == 403;
                boolean problem = answer.contentType().startsWith("application/problem+json")
                        && answer.body().contains("\"code\"") && answer.requestId() != null;
                if (!refused || !problem) {
                    wrong.add(operation + " with " + credential.getKey() + ": " + answer.status() + " " + answer.body());
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(requests).isGreaterThan(150);
        assertThat(probe.checksum()).isEqualTo(before);
    }

    /** Tokens that would grant user 1 everything, were any of them accepted. */
    private Map<String, String> badTokens() {
        Map<String, Object> claims = Map.of("sub", "1", "roles", List.of("USER", "ADMIN"),
                "exp", TestTokens.epochSecondsIn(300));
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("an expired token", TestTokens.sign("HS256", Map.of("sub", "1", "roles", List.of("USER", "ADMIN"),
                "exp", TestTokens.epochSecondsIn(-120)), secret));
        tokens.put("a token signed with another key", TestTokens.sign("HS256", claims,
                "another-secret-that-is-long-enough-0123456789"));
        tokens.put("alg none", TestTokens.algNone(claims));
        tokens.put("HS512", TestTokens.sign("HS512", claims, secret));
        tokens.put("a sub past long", TestTokens.sign("HS256", Map.of("sub", PAST_LONG, "roles", List.of("USER", "ADMIN"),
                "exp", TestTokens.epochSecondsIn(300)), secret));
        tokens.put("roles as a string", TestTokens.sign("HS256", Map.of("sub", "1", "roles", "USER ADMIN",
                "exp", TestTokens.epochSecondsIn(300)), secret));
        tokens.put("no exp", TestTokens.sign("HS256", Map.of("sub", "1", "roles", List.of("USER", "ADMIN")), secret));
        tokens.put("an unknown role", TestTokens.sign("HS256", Map.of("sub", "1",
                "roles", List.of("USER", "ADMIN", "SUPERUSER"), "exp", TestTokens.epochSecondsIn(300)), secret));
        tokens.put("a sub as a JSON number", TestTokens.sign("HS256", Map.of("sub", 1, "roles", List.of("USER", "ADMIN"),
                "exp", TestTokens.epochSecondsIn(300)), secret));
        tokens.put("a padded signature", TestTokens.withPaddedSignature(TestTokens.sign("HS256", claims, secret)));
        tokens.put("a respelled signature",
                TestTokens.withSignatureLastCharacterRespelled(TestTokens.sign("HS256", claims, secret)));
        tokens.put("an exp in the year 10000", TestTokens.sign("HS256", Map.of("sub", "1",
                "roles", List.of("USER", "ADMIN"), "exp", 253_402_300_800L), secret));
        return tokens;
    }
}
