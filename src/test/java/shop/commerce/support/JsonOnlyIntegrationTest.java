package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import io.restassured.specification.RequestSpecification;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * Bodies are read and answers written as JSON only, whatever converters the class path brings
 * (docs/api.md, "Base path, media types, character set"): any other body is a 415 and an
 * {@code Accept} without JSON a 406, both refused before anything changes.
 */
class JsonOnlyIntegrationTest extends IntegrationTestSupport {

    private static final String CHARGE = "/api/v1/users/1/balance/charge";

    /** Each a charge of 1,000 KRW, were it read; as bytes, so that the test client sends them as they are. */
    private static final Map<String, Object> OTHER_BODIES = Map.of(
            "application/yaml", "amount: 1000\n".getBytes(),
            "application/x-yaml", "amount: 1000\n".getBytes(),
            "application/xml", "<charge><amount>1000</amount></charge>".getBytes(),
            "text/xml", "<charge><amount>1000</amount></charge>".getBytes(),
            "application/x-www-form-urlencoded", "amount=1000", // the test client encodes forms from text only
            "text/plain", "{\"amount\":1000}".getBytes(),
            "application/cbor", new byte[] { (byte) 0xA1, 0x66, 'a', 'm', 'o', 'u', 'n', 't', 0x19, 0x03, (byte) 0xE8 },
            "application/x-jackson-smile", "{\"amount\":1000}".getBytes());

    @Autowired
    private RequestMappingHandlerAdapter handlerAdapter;

    @Test
    void aBodyThatIsNotJsonIsRefusedAndChangesNothing() {
        OTHER_BODIES.forEach((type, body) -> withBody(asUser(1).contentType(type), body).post(CHARGE)
                .then().statusCode(415).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE")));
        assertThat(jdbc.sql("select count(*) from balance_transaction").query(Long.class).single()).isZero();
    }

    private static RequestSpecification withBody(RequestSpecification request, Object body) {
        return body instanceof byte[] bytes ? request.body(bytes) : request.body((String) body);
    }

    @Test
    void jsonIsReadUnderEachOfItsMediaTypes() {
        for (String type : List.of("application/json", "application/json;charset=UTF-8",
                "application/vnd.commerce+json")) {
            asUser(1).contentType(type).body("{\"amount\":1000}").post(CHARGE).then().statusCode(200);
        }
    }

    @Test
    void anAcceptWithoutJsonIsNotAcceptableAndChangesNothing() {
        for (String accept : List.of("application/yaml", "application/x-yaml", "text/html", "application/xml",
                "text/plain", "application/cbor", "text/*", "application/json;q=0")) {
            asUser(1).accept(accept).body("{\"amount\":1000}").post(CHARGE)
                    .then().statusCode(406).contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("NOT_ACCEPTABLE"));
            asUser(1).accept(accept).get("/api/v1/users/1/balance").then().statusCode(406)
                    .body("code", equalTo("NOT_ACCEPTABLE"));
            anonymous().accept(accept).get("/api/v1/products").then().statusCode(406)
                    .body("code", equalTo("NOT_ACCEPTABLE"));
        }
        assertThat(jdbc.sql("select count(*) from balance_transaction").query(Long.class).single()).isZero();
    }

    @Test
    void anAcceptThatAllowsJsonIsServed() {
        for (String accept : List.of("*/*", "application/*", "application/json", "application/problem+json",
                "text/html, application/json;q=0.1", "application/yaml, */*;q=0.5")) {
            asUser(1).accept(accept).body("{\"amount\":1000}").post(CHARGE).then().statusCode(200);
            asUser(1).accept(accept).get("/api/v1/users/1/balance").then().statusCode(200);
        }
        asUser(1).header("Accept", "application/json").body("{\"amount\":1000}").post(CHARGE)
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void theMediaTypeChecksTakeTheirPlaceInTheOrderOfErrors() {
        byte[] yaml = "amount: 1000\n".getBytes();
        anonymous().contentType("application/yaml").accept("application/yaml").body(yaml).post(CHARGE)
                .then().statusCode(401);
        asUser(2).contentType("application/yaml").accept("application/yaml").body(yaml).post(CHARGE)
                .then().statusCode(403);
        asUser(1).contentType("application/yaml").accept("application/yaml").body(yaml)
                .delete("/api/v1/users/1/balance").then().statusCode(405);
        byte[] huge = ("amount: " + "1".repeat(70 * 1024) + "\n").getBytes();
        asUser(1).contentType("application/yaml").accept("application/yaml").body(huge).post(CHARGE)
                .then().statusCode(413);
        asUser(1).contentType("application/yaml").accept("application/yaml").body(yaml).post(CHARGE)
                .then().statusCode(415);
        asUser(1).accept("application/yaml").body("{\"amount\":\"1000\"}").post(CHARGE)
                .then().statusCode(406);
        asUser(1).accept("application/yaml").body("{").post(CHARGE).then().statusCode(406);
        asUser(1).body("{").post(CHARGE).then().statusCode(400);
    }

    @Test
    void onlyTheAllowedConvertersAreInstalled() {
        List<MediaType> types = handlerAdapter.getMessageConverters().stream()
                .flatMap(converter -> converter.getSupportedMediaTypes().stream()).distinct().toList();
        assertThat(types).allSatisfy(type -> assertThat(type.toString()).isIn("application/json",
                "application/*+json", "text/plain", "application/octet-stream", "*/*"));
    }

    @Test
    void metricsAreStillServedAsPrometheusText() {
        asAdmin(1).accept("text/plain;version=0.0.4").get("/actuator/prometheus").then().statusCode(200)
                .contentType(startsWith("text/plain"));
        asAdmin(1).accept("application/openmetrics-text;version=1.0.0").get("/actuator/prometheus").then()
                .statusCode(200).contentType(startsWith("application/openmetrics-text"));
    }
}
