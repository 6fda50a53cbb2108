package shop.commerce.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.restassured.specification.RequestSpecification;
import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.SecondInstance;

/**
 * An instance started with {@code management.server.port}: Prometheus scrapes it there without a
 * token, and health keeps answering on the API port, where load balancers look for it.
 */
class ManagementPortIntegrationTest extends IntegrationTestSupport {

    private static ConfigurableApplicationContext instance;

    @BeforeAll
    static void startWithAManagementPort() {
        instance = SecondInstance.start("--management.server.port=0");
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void metricsAreOpenOnTheManagementPort() {
        given().get(management("/actuator/prometheus")).then().statusCode(200).body(containsString("jvm_memory"));
        given().get(management("/actuator/health")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreNotOnTheApiPort() {
        given().get(api("/actuator/prometheus")).then().statusCode(401);
        asAdminOn().get(api("/actuator/prometheus")).then().statusCode(404);
    }

    @Test
    void healthAndItsGroupsStayOnTheApiPort() {
        given().get(api("/actuator/health")).then().statusCode(200).body("status", equalTo("UP"))
                .body("components.db.status", equalTo("UP")).body("components.db.details", nullValue());
        given().get(api("/actuator/health/liveness")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(api("/actuator/health/readiness")).then().statusCode(200).body("status", equalTo("UP"))
                .body("components.db", notNullValue()).body("components.redis", nullValue());
        asAdminOn().get(api("/actuator/health")).then().statusCode(200)
                .body("components.db.details.database", notNullValue());
    }

    private RequestSpecification asAdminOn() {
        return given().auth().oauth2(token(1, Role.ADMIN));
    }

    private static String api(String path) {
        return SecondInstance.baseUrl(instance) + path;
    }

    private static String management(String path) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.management.port") + path;
    }
}
