package shop.commerce.testing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import shop.commerce.CommerceApplication;

/** A second instance of the service on the same embedded PostgreSQL, Redis and Kafka, on a free port. */
public final class SecondInstance {

    private SecondInstance() {
    }

    public static ConfigurableApplicationContext start(String... extraArguments) {
        List<String> arguments = new ArrayList<>();
        // command-line arguments outrank application.yml, which points at the machine's own servers
        EmbeddedInfrastructure.start().springProperties()
                .forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=0");
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(CommerceApplication.class).profiles("local")
                .run(arguments.toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }
}
