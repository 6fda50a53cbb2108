package shop.commerce.support;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import shop.commerce.testing.IntegrationTestSupport;

@TestPropertySource(properties = "commerce.security.dev-tokens-enabled=false")
class DevTokensDisabledIntegrationTest extends IntegrationTestSupport {

    @Test
    void theDevelopmentTokenPathIsNotFoundWhenDisabled() {
        anonymous().body("{\"userId\":1}").post("/api/v1/dev/tokens")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        asUser(1).body("{\"userId\":1}").post("/api/v1/dev/tokens")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
