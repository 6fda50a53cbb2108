package shop.commerce.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.commerce.support.security.Role;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * The storefront's static pages (docs/api.md, "Public paths"): served at {@code /} without a token,
 * as the narrow exception to the JSON-only rule; nothing else on the class path is published, and
 * the API itself stays JSON only.
 */
class StorefrontPagesIntegrationTest extends IntegrationTestSupport {

    @Test
    void theShopIsServedAtTheRootWithoutAToken() {
        given().accept("text/html").get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("커머스 스토어")).body(containsString("/assets/shop.js"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/index.html").then().statusCode(200).contentType(startsWith("text/html"));
        given().get("/admin.html").then().statusCode(200).body(containsString("커머스 관리자"));
    }

    @Test
    void scriptsAndStylesAreServedWithTheirOwnMediaTypes() {
        given().get("/assets/shop.js").then().statusCode(200).contentType(startsWith("text/javascript"));
        given().get("/assets/api.js").then().statusCode(200).body(containsString("Intl.NumberFormat('ko-KR'"));
        given().get("/assets/storefront.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void thePagesAreServedWithATokenToo() {
        given().auth().oauth2(token(1, Role.USER)).get("/").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void noOtherClassPathFileIsPublished() {
        given().get("/assets/missing.js").then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("NOT_FOUND"));
        given().get("/application.yml").then().statusCode(401);
        given().auth().oauth2(token(1, Role.USER)).get("/application.yml").then().statusCode(404)
                .body(not(containsString("jwt-secret")));
        given().auth().oauth2(token(1, Role.USER)).get("/static/index.html").then().statusCode(404);
        given().get("/assets/../application.yml").then().statusCode(not(equalTo(200)));
    }

    @Test
    void theApiStaysJsonOnlyBesideThePages() {
        given().accept("text/html").get("/api/v1/products").then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void headAndOptionsAnswerOnThePagesAndTheStreamsAsOnEveryPublicGetPath() {
        long productId = fixtures().product("Options Mug", 12_000, 3).productId();
        for (String path : List.of("/", "/admin.html", "/assets/shop.js")) {
            Response get = given().get(path);
            Response head = given().head(path);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
            assertThat(head.contentType()).as("HEAD " + path).isEqualTo(get.contentType());
            assertThat(head.asByteArray()).as("HEAD " + path).isEmpty();
        }
        for (String path : List.of("/", "/admin.html", "/assets/shop.js", "/api/v1/products/" + productId + "/events")) {
            Response options = given().options(path);
            assertThat(options.statusCode()).as("OPTIONS " + path).isEqualTo(204);
            assertThat(options.header("Allow")).as("OPTIONS " + path).contains("GET", "HEAD");
        }
    }

    @Test
    void thePagesCannotBeWrittenTo() {
        given().contentType("text/html").body("<p>x</p>").post("/index.html").then().statusCode(401);
        given().auth().oauth2(token(1, Role.USER)).contentType("text/html").body("<p>x</p>").post("/index.html")
                .then().statusCode(405).contentType(startsWith("application/problem+json"));
    }
}
