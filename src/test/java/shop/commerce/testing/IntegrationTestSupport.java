package shop.commerce.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import shop.commerce.catalog.application.ProductDefinitionCache;
import shop.commerce.coupon.application.SoldOutCoupons;
import shop.commerce.support.security.JwtIssuer;
import shop.commerce.support.security.Role;

/**
 * The real HTTP API on real embedded PostgreSQL, Redis and Kafka. Every subclass shares one
 * application context and one set of servers; each test starts from empty tables, an empty Redis
 * and the current time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "commerce.ranking.aggregation-interval=1s", "commerce.ranking.cache-ttl=1s",
                "commerce.consistency.initial-delay=1h" })
@ActiveProfiles("local")
@Import(IntegrationTestSupport.TestBeans.class)
public abstract class IntegrationTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JwtIssuer jwtIssuer;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected RedissonClient redisson;

    @Autowired
    protected QueryCounter queryCounter;

    @Autowired
    private ProductDefinitionCache productDefinitions;

    @Autowired
    private SoldOutCoupons soldOutCoupons;

    @DynamicPropertySource
    static void embeddedInfrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerWith(registry);
    }

    @BeforeEach
    void startFromEmptyState() {
        clock.reset();
        EmptyState.truncateAllTables(jdbc);
        redisson.getKeys().flushall();
        productDefinitions.clear();
        soldOutCoupons.clear();
        RestAssured.port = port;
    }

    protected CommerceFixtures fixtures() {
        return new CommerceFixtures(token(1_000_000, Role.ADMIN), jdbc);
    }

    protected String token(long userId, Role... roles) {
        return jwtIssuer.issue(userId, List.of(roles), Duration.ofHours(1)).token();
    }

    protected RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    protected RequestSpecification asUser(long userId) {
        return anonymous().auth().oauth2(token(userId, Role.USER));
    }

    protected RequestSpecification asAdmin(long userId) {
        return anonymous().auth().oauth2(token(userId, Role.ADMIN));
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        static QueryCounter queryCounter() {
            return new QueryCounter();
        }
    }
}
