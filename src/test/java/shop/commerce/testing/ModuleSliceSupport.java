package shop.commerce.testing;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import shop.commerce.coupon.application.SoldOutCoupons;

/**
 * One capability started alone: the subclass, in the capability's package, is annotated
 * {@code @ApplicationModuleTest(extraIncludes = "support")}, so Spring Modulith scans only that
 * capability, {@code support} and the ones the annotation adds. Its services and storage run on the
 * embedded PostgreSQL, without the HTTP edge (the capabilities' {@code api} packages): a slice tests
 * the rules a capability keeps by itself through its own services; what needs HTTP, security or
 * several capabilities together stays with {@link IntegrationTestSupport}. Before each test only
 * the capability's own tables are emptied. Redis runs only for capabilities that keep keys there;
 * the others add {@code @TestPropertySource(properties = ModuleSliceSupport.WITHOUT_REDIS)}, which
 * also leaves out {@code support}'s Redis users (the rate limiter).
 */
@ActiveProfiles("local")
@ContextConfiguration(initializers = ModuleSliceSupport.SliceScope.class)
@Import(ModuleSliceSupport.SliceBeans.class)
public abstract class ModuleSliceSupport {

    /** Leaves Redis's auto-configuration out of a slice, so no Redis client connects. */
    public static final String WITHOUT_REDIS = "spring.autoconfigure.exclude="
            + "org.redisson.spring.starter.RedissonAutoConfigurationV2,"
            + "org.redisson.spring.starter.RedissonAutoConfigurationV4,"
            + "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration,"
            + "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration,"
            + "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration";

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private ObjectProvider<RedissonClient> redisson;

    @Autowired
    private ObjectProvider<SoldOutCoupons> soldOutCoupons;

    @DynamicPropertySource
    static void embeddedInfrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.registerWith(registry);
    }

    @BeforeEach
    void startFromEmptyState() {
        clock.reset();
        EmptyState.truncateTablesOf(jdbc, capabilitiesUnderTest());
        redisson.ifAvailable(client -> client.getKeys().flushall());
        soldOutCoupons.ifAvailable(SoldOutCoupons::clear);
    }

    /** The capabilities whose tables each test starts from empty: the one in whose package the test is. */
    protected List<String> capabilitiesUnderTest() {
        return List.of(getClass().getPackageName().substring("shop.commerce.".length()).split("\\.")[0]);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SliceBeans {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    /** Registers {@link LeftOut} before component scanning, which asks every such filter. */
    static class SliceScope implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            boolean withoutRedis = context.getEnvironment().getProperty("spring.autoconfigure.exclude", "")
                    .contains("Redisson");
            context.getBeanFactory().registerSingleton(LeftOut.class.getName(), new LeftOut(withoutRedis));
        }
    }

    /** The capabilities' {@code api} packages, and without Redis the {@code support} packages that need it. */
    static final class LeftOut extends TypeExcludeFilter {

        private static final Pattern HTTP_EDGE = Pattern.compile("shop\\.commerce\\.\\w+\\.api\\..+");
        private static final Pattern NEEDS_REDIS = Pattern.compile("shop\\.commerce\\.support\\.(ratelimit|redis)\\..+");

        private final boolean withoutRedis;

        LeftOut(boolean withoutRedis) {
            this.withoutRedis = withoutRedis;
        }

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String type = reader.getClassMetadata().getClassName();
            return HTTP_EDGE.matcher(type).matches() || (withoutRedis && NEEDS_REDIS.matcher(type).matches());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LeftOut left && left.withoutRedis == withoutRedis;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(withoutRedis);
        }
    }
}
