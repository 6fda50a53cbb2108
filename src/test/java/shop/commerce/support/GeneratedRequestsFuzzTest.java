package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import shop.commerce.support.security.Role;
import shop.commerce.testing.ApiProbe;
import shop.commerce.testing.ApiProbe.Answer;
import shop.commerce.testing.ApiProbe.Operation;
import shop.commerce.testing.ApiScenario;
import shop.commerce.testing.IntegrationTestSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated malformed and edge-case requests (jqwik's generators, a fixed seed) to
 * every operation of the published OpenAPI description: wrong types, missing, extra and
 * duplicated fields, numbers past {@code long}, negative and zero values, very long strings,
 * control characters, unicode, odd paging values, path ids that are not numbers, other users'
 * ids. Never a 5xx; every refusal is a problem with a {@code code} and an {@code X-Request-Id};
 * and a refused request changes no row.
 */
class GeneratedRequestsFuzzTest extends IntegrationTestSupport {

    private static final long SEED = 20261122L;
    private static final int REQUESTS_PER_OPERATION = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAST_LONG = "9223372036854775808";

    private final Random random = new Random(SEED);

    private final Arbitrary<String> pathIds = Arbitraries.oneOf(
            Arbitraries.of("1", "2", "0", "-1", PAST_LONG, "99999999999999999999", "abc", "1.5", "0x10", "+1", " 1",
                    "1e3", "\u20ac", "\u0000", "%", "..", "null", "[]", "9223372036854775807"),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.strings().ofMinLength(1).ofMaxLength(300));

    private final Arbitrary<Object> edgeValues = Arbitraries.<Object>oneOf(
            Arbitraries.just(null),
            Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1, 1_000_001L),
            Arbitraries.bigIntegers().between(new BigInteger(PAST_LONG), new BigInteger("1" + "0".repeat(40)))
                    .map(Object.class::cast),
            Arbitraries.of(1.5, -0.0, 1e308, 1000.0).map(Object.class::cast),
            Arbitraries.of(true, false).map(Object.class::cast),
            Arbitraries.of("", " ", "1000", "true", "FIXED", "PERCENT", "AVAILABLE", "USER", "\u0000", "\n", "\u001b[31m",
                    "\ud83d\udc55", "\u202e", "-4714-11-24T00:00:00Z", "+300000-01-01T00:00:00Z",
                    "2026-13-45T99:99:99Z", "2026-11-22T10:15:30Z").map(Object.class::cast),
            Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5).map(Object.class::cast),
            Arbitraries.strings().alpha().ofLength(5_000).map(Object.class::cast),
            Arbitraries.just(List.of()).map(Object.class::cast),
            Arbitraries.just(List.of(1, "a")).map(Object.class::cast),
            Arbitraries.just(Map.of("nested", Map.of())).map(Object.class::cast));

    private final Arbitrary<String> queries = Arbitraries.oneOf(
            Arbitraries.of("", "?page=0&size=1", "?page=-1", "?page=10001", "?size=0", "?size=101", "?page=0x10",
                    "?size=%2B5", "?page=1e1", "?page=" + PAST_LONG, "?size=abc", "?page=&size=", "?page=1&page=2",
                    "?days=0", "?days=31", "?limit=101", "?days=%2B3", "?status=USED", "?status=used", "?status=",
                    "?status=%00", "?days=3&limit=5"),
            Arbitraries.strings().ofMaxLength(30).map(s -> "?page=" + URLEncoder.encode(s, StandardCharsets.UTF_8)));

    @BeforeEach
    void jqwikSession() {
        JqwikSession.start(); // jqwik's generators, driven from a plain JUnit test and a fixed seed
    }

    @AfterEach
    void endJqwikSession() {
        JqwikSession.finish();
    }

    @Test
    void noGeneratedRequestGetsAServerErrorOrChangesDataWhenRefused() {
        ApiProbe probe = new ApiProbe(baseUrl(), jdbc);
        ApiScenario scenario = new ApiScenario(fixtures(), token(ApiScenario.USER, Role.USER),
                token(ApiScenario.OTHER_USER, Role.USER));
        List<Operation> operations = probe.operations(anonymous().get("/v3/api-docs").then().extract().jsonPath());
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        List<String> userTokens = List.of("Bearer " + token(ApiScenario.USER, Role.USER),
                "Bearer " + token(ApiScenario.ADMIN, Role.ADMIN), "Bearer " + token(ApiScenario.OTHER_USER, Role.USER));
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        String checksum = probe.checksum();

        for (Operation operation : operations) {
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                String path = path(scenario, operation) + (random.nextInt(3) == 0 ? next(queries) : "");
                String authorization = userTokens.get(random.nextInt(10) < 7 ? 0 : random.nextInt(3));
                String body = operation.hasBody() || operation.method().equals("POST")
                        ? body(scenario.validBody(operation.method(), operation.path())) : null;
                String contentType = random.nextInt(20) == 0 ? "text/plain" : "application/json";
                Answer answer;
                try {
                    answer = probe.send(operation.method(), path, authorization, contentType, body);
                } catch (IllegalArgumentException notAUri) {
                    continue; // the HTTP client refuses to send it; the raw-HTTP tests cover such paths
                }
                sent++;
                String request = operation.method() + " " + path + " " + abbreviate(body);
                if (answer.status() >= 500) {
                    wrong.add(answer.status() + " for " + request + " -> " + abbreviate(answer.body()));
                }
                if (answer.requestId() == null) {
                    wrong.add("no X-Request-Id for " + request);
                }
                if (answer.status() >= 400) {
                    if (!answer.contentType().startsWith("application/problem+json") || !hasCode(answer.body())) {
                        wrong.add("not a problem with a code: " + answer.status() + " for " + request);
                    }
                    String now = probe.checksum();
                    if (!now.equals(checksum)) {
                        wrong.add("refused with " + answer.status() + " but changed data: " + request);
                        checksum = now;
                    }
                } else {
                    checksum = probe.checksum();
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(sent).isGreaterThan(2_000);
    }

    private String path(ApiScenario scenario, Operation operation) {
        String path = scenario.path(operation.path(), pick(ApiScenario.USER, ApiScenario.OTHER_USER),
                random.nextBoolean() ? scenario.orderId : scenario.otherUsersOrderId);
        if (random.nextInt(3) == 0 && operation.path().contains("{")) {
            String variable = operation.path().substring(operation.path().indexOf('{'), operation.path().indexOf('}') + 1);
            String template = operation.path().replace(variable, "\u0001");
            path = scenario.path(template, ApiScenario.USER, scenario.orderId).replace("\u0001",
                    URLEncoder.encode(next(pathIds), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private <T> T next(Arbitrary<T> arbitrary) {
        return arbitrary.generator(100).next(random).value();
    }

    private long pick(long usual, long other) {
        return random.nextInt(5) == 0 ? other : usual;
    }

    /** The valid body with one to three generated faults, or a body that is no JSON object at all. */
    private String body(String valid) {
        switch (random.nextInt(14)) {
            case 0:
                return "";
            case 1:
                return valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 2:
                return List.of("[]", "null", "\"text\"", "123", "true", "{", "}", "{\"a\":}", "\u0000", "[" .repeat(3_000),
                        "{\"a\":1}garbage").get(random.nextInt(11));
            case 3:
                return duplicateAKey(valid);
            default:
                break;
        }
        Map<String, Object> fields = new LinkedHashMap<>(JSON.readValue(valid, Map.class));
        int faults = 1 + random.nextInt(3);
        for (int i = 0; i < faults; i++) {
            List<String> names = new ArrayList<>(fields.keySet());
            int kind = random.nextInt(4);
            if (kind == 0 && !names.isEmpty()) {
                fields.remove(names.get(random.nextInt(names.size())));
            } else if (kind == 1) {
                fields.put(random.nextBoolean() ? "unexpected" : "userId", next(edgeValues));
            } else if (!names.isEmpty()) {
                String name = names.get(random.nextInt(names.size()));
                fields.put(name, fields.get(name) instanceof List<?> list && !list.isEmpty() && random.nextBoolean()
                        ? java.util.Collections.singletonList(mutated(list.get(0))) : next(edgeValues));
            }
        }
        return JSON.writeValueAsString(fields);
    }

    @SuppressWarnings("unchecked")
    private Object mutated(Object item) {
        if (!(item instanceof Map<?, ?> map) || map.isEmpty()) {
            return next(edgeValues);
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> names = new ArrayList<>(copy.keySet());
        copy.put(names.get(random.nextInt(names.size())), next(edgeValues));
        return copy;
    }

    private String duplicateAKey(String valid) {
        int colon = valid.indexOf(':');
        if (colon < 0) {
            return valid;
        }
        String firstKey = valid.substring(1, colon);
        return "{" + firstKey + ":" + JSON.writeValueAsString(next(edgeValues)) + "," + valid.substring(1);
    }

    private static boolean hasCode(String body) {
        try {
            return !JSON.readTree(body).path("code").asString("").isBlank();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
