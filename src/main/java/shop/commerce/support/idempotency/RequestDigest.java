package shop.commerce.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SHA-256 of a request's method, path with query, and body as parsed JSON written in one
 * canonical form (object keys sorted, no spacing), so two requests that docs/api.md calls "the
 * same" have the same digest. A body that is not JSON is digested as sent.
 */
final class RequestDigest {

    private RequestDigest() {
    }

    static String of(String method, String path, String body, JsonMapper jsonMapper) {
        String text = method + "\n" + path + "\n" + canonical(body, jsonMapper);
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String canonical(String body, JsonMapper jsonMapper) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            return jsonMapper.writeValueAsString(sorted(jsonMapper.readTree(body), jsonMapper));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static JsonNode sorted(JsonNode node, JsonMapper jsonMapper) {
        if (node.isObject()) {
            ObjectNode copy = jsonMapper.createObjectNode();
            node.propertyNames().stream().sorted()
                    .forEach(name -> copy.set(name, sorted(node.get(name), jsonMapper)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = jsonMapper.createArrayNode();
            node.forEach(element -> copy.add(sorted(element, jsonMapper)));
            return copy;
        }
        return node;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("Every Java runtime has SHA-256", required);
        }
    }
}
