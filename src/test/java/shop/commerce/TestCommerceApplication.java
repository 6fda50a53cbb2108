package shop.commerce;

import org.springframework.boot.SpringApplication;

import shop.commerce.testing.EmbeddedInfrastructure;
import shop.commerce.testing.LocalRunConfiguration;

/**
 * The local run ({@code ./mvnw spring-boot:test-run}): the real application on embedded
 * PostgreSQL, Redis and Kafka, with development tokens and demo data. Production jars carry
 * none of this.
 */
public class TestCommerceApplication {

    public static void main(String[] args) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start();
        infrastructure.springProperties().forEach(System::setProperty);
        SpringApplication.from(CommerceApplication::main)
                .with(LocalRunConfiguration.class)
                .withAdditionalProfiles("local")
                .run(args);
    }
}
