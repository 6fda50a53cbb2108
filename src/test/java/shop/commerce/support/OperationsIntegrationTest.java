package shop.commerce.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import shop.commerce.testing.IntegrationTestSupport;

class OperationsIntegrationTest extends IntegrationTestSupport {

    @Test
    void healthIsPublicAndUp() {
        anonymous().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().get("/actuator/health/readiness").then().statusCode(200).body("status", equalTo("UP"))
                .body("components.db", notNullValue());
    }

    @Test
    void readinessFollowsTheDatabaseOnly() {
        anonymous().get("/actuator/health/readiness").then().statusCode(200)
                .body("components.redis", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void healthShowsStatusesToAnyoneAndDetailsOnlyToAdministrators() {
        anonymous().get("/actuator/health").then().statusCode(200)
                .body("components.db.status", equalTo("UP"))
                .body("components.diskSpace.status", equalTo("UP"))
                .body("components.db.details", org.hamcrest.Matchers.nullValue())
                .body("components.diskSpace.details", org.hamcrest.Matchers.nullValue());
        asUser(1).get("/actuator/health").then().statusCode(200)
                .body("components.diskSpace.details", org.hamcrest.Matchers.nullValue());
        asAdmin(1).get("/actuator/health").then().statusCode(200)
                .body("components.diskSpace.details", notNullValue())
                .body("components.db.details.database", notNullValue());
        anonymous().get("/actuator/health/readiness").then().statusCode(200)
                .body("components.db.status", equalTo("UP"))
                .body("components.db.details", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void prometheusMetricsNeedAnAdministratorOnTheApiPort() {
        anonymous().get("/actuator/prometheus").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        asUser(1).get("/actuator/prometheus").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        asAdmin(1).accept("text/plain").get("/actuator/prometheus").then().statusCode(200)
                .contentType(startsWith("text/plain")).body(containsString("jvm_memory"));
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        asAdmin(1).get("/actuator/env").then().statusCode(404);
        asAdmin(1).get("/actuator/beans").then().statusCode(404);
    }

    @Test
    void publishesTheOpenApiDescriptionWithBearerAuthorization() {
        anonymous().get("/v3/api-docs").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/users/{userId}/balance/charge"))
                .body("components.securitySchemes.bearer-jwt.scheme", equalTo("bearer"));
        anonymous().redirects().follow(false).get("/swagger-ui.html").then().statusCode(302);
    }
}
