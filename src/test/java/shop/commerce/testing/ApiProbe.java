package shop.commerce.testing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.restassured.path.json.JsonPath;

/**
 * What the generated tests need around the running service: the operations its published OpenAPI
 * description lists, a plain HTTP client that sends exactly what it is given, and a checksum of
 * every table a request could change.
 */
public final class ApiProbe {

    /** Tables changed by background jobs on their own schedule, not by the request under test. */
    private static final List<String> BACKGROUND_TABLES = List.of("flyway_schema_history", "ranking_sale",
            "product_sales_daily", "data_platform_outbox");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final JdbcClient jdbc;

    public ApiProbe(String baseUrl, JdbcClient jdbc) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
    }

    public record Operation(String method, String path, boolean hasBody) {

        public boolean isPublic() {
            return method.equals("GET") && (path.startsWith("/api/v1/products") || path.startsWith("/api/v1/coupons/"))
                    || path.equals("/api/v1/dev/tokens");
        }

        public boolean isAdmin() {
            return path.startsWith("/api/v1/admin/");
        }

        public boolean isOwnedByAUser() {
            return path.contains("{userId}") || path.contains("{orderId}") || path.equals("/api/v1/orders");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public record Answer(int status, String contentType, String requestId, String body) {
    }

    /** Every operation of the published description under /api/v1. */
    public List<Operation> operations(JsonPath docs) {
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = docs.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (path.startsWith("/api/v1/")) {
                operations.add(new Operation(method.toUpperCase(), path, operation.containsKey("requestBody")));
            }
        }));
        return operations;
    }

    public Answer send(String method, String pathAndQuery, String authorization, String contentType, String body) {
        return send(method, pathAndQuery, authorization, contentType, null, body);
    }

    /** Sends exactly this request; an {@code accept} of null sends the HTTP client's default. */
    public Answer send(String method, String pathAndQuery, String authorization, String contentType, String accept,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String answerType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), answerType,
                    response.headers().firstValue("X-Request-Id").orElse(null), body(response.body(), answerType));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole body; of an event stream, which stays open, only its first event. */
    private static String body(InputStream in, String contentType) throws java.io.IOException {
        try (in) {
            if (!contentType.startsWith("text/event-stream")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            StringBuilder event = new StringBuilder();
            for (String line = lines.readLine(); line != null && !(line.isEmpty() && !event.isEmpty());
                    line = lines.readLine()) {
                event.append(line).append('\n');
            }
            return event.toString();
        }
    }

    /** One checksum over the rows of every table requests change. */
    public String checksum() {
        List<String> tables = jdbc.sql("""
                select tablename from pg_tables where schemaname = 'public' order by tablename
                """).query(String.class).list().stream().filter(t -> !BACKGROUND_TABLES.contains(t)).toList();
        StringBuilder sql = new StringBuilder("select md5(concat(");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", '|', ").append("(select md5(coalesce(string_agg(t::text, ',' order by t::text), ''))"
                    + " from ").append(tables.get(i)).append(" t)");
        }
        return jdbc.sql(sql.append("))").toString()).query(String.class).single();
    }
}
