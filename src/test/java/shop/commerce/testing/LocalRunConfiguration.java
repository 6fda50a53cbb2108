package shop.commerce.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** Demo data and a "where to go" message for the local run. */
@TestConfiguration(proxyBeanMethods = false)
public class LocalRunConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalRunConfiguration.class);

    @Bean
    LocalDemoData localDemoData(org.springframework.context.ApplicationContext context) {
        return new LocalDemoData(context);
    }

    @Bean
    CouponDemoData couponDemoData(org.springframework.context.ApplicationContext context) {
        return new CouponDemoData(context);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info("""

                ==================================================================
                 Commerce service is up (embedded PostgreSQL, Redis and Kafka).
                 Storefront : {}/
                 Swagger UI : {}/swagger-ui.html
                 Health     : {}/actuator/health
                 Get a token: curl -s -X POST {}/api/v1/dev/tokens \\
                                -H 'Content-Type: application/json' \\
                                -d '{{"userId":1,"roles":["USER"]}}'
                 (roles ["ADMIN"] for /api/v1/admin; paste the token into "Authorize")
                ==================================================================""", base, base, base, base);
    }
}
