package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import shop.commerce.support.security.Role;
import shop.commerce.testing.ApiProbe;
import shop.commerce.testing.ApiProbe.Answer;
import shop.commerce.testing.ApiProbe.Operation;
import shop.commerce.testing.ApiScenario;
import shop.commerce.testing.IntegrationTestSupport;
import shop.commerce.testing.SeededValues;
import shop.commerce.testing.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated malformed and edge-case requests (a seeded generator) to every operation of
 * the published OpenAPI description: wrong types, missing, extra and duplicated fields, numbers past
 * {@code long}, negative and zero values, very long strings, control characters, unicode, odd paging
 * values, path ids that are not numbers, other users' ids, bodies in YAML, XML, form and other media
 * types, odd {@code Accept} headers, methods the service does not serve and malformed tokens. Never a
 * 5xx other than a 501 {@code NOT_IMPLEMENTED}; every refusal is a problem with a {@code code} and an
 * {@code X-Request-Id}; and a refused request changes no row. A failure names its seed: rerun it with
 * {@code -Dfuzz.seed=<seed>}.
 */
class GeneratedRequestsFuzzTest extends IntegrationTestSupport {

    private static final long DEFAULT_SEED = 20261122L;
    private static final int REQUESTS_PER_OPERATION = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PAST_LONG = "9223372036854775808";
    private static final List<String> ODD_CONTENT_TYPES = List.of("text/plain", "application/yaml", "application/x-yaml",
            "text/yaml", "application/xml", "text/xml", "application/x-www-form-urlencoded", "application/cbor",
            "application/x-java-serialized-object", "multipart/form-data; boundary=x", "application/json; charset=latin1",
            "application/vnd.commerce+json", "*/*", "garbage");
    private static final List<String> ODD_ACCEPTS = List.of("application/yaml", "application/xml", "text/html",
            "text/plain", "text/event-stream", "image/png", "application/json;q=0", "*/*;q=0", "garbage", "",
            "application/*", "application/problem+json", "*/*");
    private static final List<String> ODD_METHODS = List.of("PATCH", "TRACE", "PROPFIND", "FOO", "HEAD", "OPTIONS",
            "CONNECT", "M-SEARCH");

    private SeededValues values;

    static List<Long> seeds() {
        return List.of(Long.getLong("fuzz.seed", DEFAULT_SEED));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noGeneratedRequestGetsAServerErrorOrChangesDataWhenRefused(long seed) {
        values = new SeededValues(seed);
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
                String path = path(scenario, operation) + (values.chance(3) ? query() : "");
                String authorization = values.chance(15) ? malformedToken(userTokens.get(0))
                        : userTokens.get(values.below(10) < 7 ? 0 : values.below(3));
                String method = values.chance(15) ? values.oneOf(ODD_METHODS) : operation.method();
                String body = operation.hasBody() || operation.method().equals("POST")
                        ? body(scenario.validBody(operation.method(), operation.path())) : null;
                String contentType = values.chance(8) ? values.oneOf(ODD_CONTENT_TYPES) : "application/json";
                if (body != null && !contentType.contains("json") && values.coin()) {
                    body = inOtherMediaType(contentType, scenario.validBody(operation.method(), operation.path()));
                }
                String accept = values.chance(8) ? values.oneOf(ODD_ACCEPTS) : null;
                Answer answer;
                try {
                    answer = probe.send(method, path, authorization, contentType, accept, body);
                } catch (IllegalArgumentException notSendable) {
                    continue; // the HTTP client refuses to send it; the raw-HTTP tests cover such requests
                }
                sent++;
                String request = method + " " + path + " [" + contentType + ", accept " + accept + "] " + abbreviate(body);
                boolean notImplemented = answer.status() == 501 && "NOT_IMPLEMENTED".equals(code(answer.body()));
                if (answer.status() >= 500 && !notImplemented) {
                    wrong.add(answer.status() + " for " + request + " -> " + abbreviate(answer.body()));
                }
                if (answer.requestId() == null) {
                    wrong.add("no X-Request-Id for " + request);
                }
                if (answer.status() >= 400) {
                    boolean problem = answer.contentType().startsWith("application/problem+json") && !code(answer.body()).isBlank();
                    if (!problem && !method.equals("HEAD")) {
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

        assertThat(wrong).as("seed %d (rerun with -Dfuzz.seed=%d)", seed, seed).isEmpty();
        assertThat(sent).isGreaterThan(2_000);
    }

    private String pathId() {
        return values.fromOneOf(
                () -> values.oneOf("1", "2", "0", "-1", PAST_LONG, "99999999999999999999", "abc", "1.5", "0x10", "+1", " 1",
                        "1e3", "\u20ac", "\u0000", "%", "..", "null", "[]", "9223372036854775807"),
                () -> String.valueOf(values.anyLong()),
                () -> values.anyString(1, 300));
    }

    private Object edgeValue() {
        return values.fromOneOf(
                () -> null,
                () -> values.oneOf(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1, 1_000_001L),
                () -> values.bigIntegerBetween(new BigInteger(PAST_LONG), new BigInteger("1" + "0".repeat(40))),
                () -> values.oneOf(1.5, -0.0, 1e308, 1000.0),
                () -> values.coin(),
                () -> values.oneOf("", " ", "1000", "true", "FIXED", "PERCENT", "AVAILABLE", "USER", "\u0000", "\n",
                        "\u001b[31m", "\ud83d\udc55", "\u202e", "-4714-11-24T00:00:00Z", "+300000-01-01T00:00:00Z",
                        "2026-13-45T99:99:99Z", "2026-11-22T10:15:30Z", "0x3E8", "1_000", "no"),
                () -> values.anyString(0, 40),
                () -> values.controlString(1, 5),
                () -> values.letters(5_000),
                () -> List.of(),
                () -> List.of(1, "a"),
                () -> Map.of("nested", Map.of()));
    }

    private String query() {
        return values.coin()
                ? values.oneOf("", "?page=0&size=1", "?page=-1", "?page=10001", "?size=0", "?size=101", "?page=0x10",
                        "?size=%2B5", "?page=1e1", "?page=" + PAST_LONG, "?size=abc", "?page=&size=", "?page=1&page=2",
                        "?days=0", "?days=31", "?limit=101", "?days=%2B3", "?status=USED", "?status=used", "?status=",
                        "?status=%00", "?days=3&limit=5")
                : "?page=" + URLEncoder.encode(values.anyString(0, 30), StandardCharsets.UTF_8);
    }

    /** A token in a form the service must refuse: another scheme, no signature, a spelling of the signature. */
    private String malformedToken(String valid) {
        String token = valid.substring("Bearer ".length());
        String[] parts = token.split("\\.");
        return values.oneOf(
                "Bearer",
                "Bearer ",
                "Basic dXNlcjpwYXNz",
                "bearer " + token.toUpperCase(java.util.Locale.ROOT),
                "Bearer " + parts[0] + "." + parts[1] + ".",
                "Bearer " + parts[0] + "." + parts[1],
                "Bearer " + token + "=",
                "Bearer " + token.replace('-', '+').replace('_', '/'),
                "Bearer " + token + " " + token,
                "Bearer " + TestTokens.algNone(Map.of("sub", "1", "roles", List.of("ADMIN"), "exp", TestTokens.epochSecondsIn(60))),
                "Bearer " + values.anyString(1, 60));
    }

    /** The valid body written in another media type, as a client of that type would send it. */
    private static String inOtherMediaType(String contentType, String validJson) {
        Map<String, Object> fields = JSON.readValue(validJson, Map.class);
        StringBuilder text = new StringBuilder();
        if (contentType.contains("yaml")) {
            fields.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        } else if (contentType.contains("xml")) {
            text.append("<request>");
            fields.forEach((name, value) -> text.append('<').append(name).append('>').append(value).append("</")
                    .append(name).append('>'));
            text.append("</request>");
        } else {
            fields.forEach((name, value) -> text.append(text.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        }
        return text.toString();
    }

    private String path(ApiScenario scenario, Operation operation) {
        String path = scenario.path(operation.path(), pick(ApiScenario.USER, ApiScenario.OTHER_USER),
                values.coin() ? scenario.orderId : scenario.otherUsersOrderId);
        if (values.chance(3) && operation.path().contains("{")) {
            String variable = operation.path().substring(operation.path().indexOf('{'), operation.path().indexOf('}') + 1);
            String template = operation.path().replace(variable, "\u0001");
            path = scenario.path(template, ApiScenario.USER, scenario.orderId).replace("\u0001",
                    URLEncoder.encode(pathId(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path;
    }

    private long pick(long usual, long other) {
        return values.chance(5) ? other : usual;
    }

    /** The valid body with one to three generated faults, or a body that is no JSON object at all. */
    private String body(String valid) {
        switch (values.below(14)) {
            case 0:
                return "";
            case 1:
                return valid.substring(0, values.below(Math.max(1, valid.length())));
            case 2:
                return List.of("[]", "null", "\"text\"", "123", "true", "{", "}", "{\"a\":}", "\u0000", "[" .repeat(3_000),
                        "{\"a\":1}garbage").get(values.below(11));
            case 3:
                return duplicateAKey(valid);
            default:
                break;
        }
        Map<String, Object> fields = new LinkedHashMap<>(JSON.readValue(valid, Map.class));
        int faults = 1 + values.below(3);
        for (int i = 0; i < faults; i++) {
            List<String> names = new ArrayList<>(fields.keySet());
            int kind = values.below(4);
            if (kind == 0 && !names.isEmpty()) {
                fields.remove(names.get(values.below(names.size())));
            } else if (kind == 1) {
                fields.put(values.coin() ? "unexpected" : "userId", edgeValue());
            } else if (!names.isEmpty()) {
                String name = names.get(values.below(names.size()));
                fields.put(name, fields.get(name) instanceof List<?> list && !list.isEmpty() && values.coin()
                        ? java.util.Collections.singletonList(mutated(list.get(0))) : edgeValue());
            }
        }
        return JSON.writeValueAsString(fields);
    }

    @SuppressWarnings("unchecked")
    private Object mutated(Object item) {
        if (!(item instanceof Map<?, ?> map) || map.isEmpty()) {
            return edgeValue();
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
        List<String> names = new ArrayList<>(copy.keySet());
        copy.put(names.get(values.below(names.size())), edgeValue());
        return copy;
    }

    private String duplicateAKey(String valid) {
        int colon = valid.indexOf(':');
        if (colon < 0) {
            return valid;
        }
        String firstKey = valid.substring(1, colon);
        return "{" + firstKey + ":" + JSON.writeValueAsString(edgeValue()) + "," + valid.substring(1);
    }

    private static String code(String body) {
        try {
            return JSON.readTree(body).path("code").asString("");
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
