package shop.commerce.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/** Hand-made JWTs, for the tokens the service's own issuer would never make. */
public final class TestTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestTokens() {
    }

    /** Signs the claims with HMAC ({@code HS256} or {@code HS512}) and the given key. */
    public static String sign(String algorithm, Map<String, Object> claims, String key) {
        try {
            String signingInput = unsigned(algorithm, claims);
            String macName = algorithm.equals("HS512") ? "HmacSHA512" : "HmacSHA256";
            Mac mac = Mac.getInstance(macName);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), macName));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with {@code alg: none} and no signature. */
    public static String algNone(Map<String, Object> claims) {
        return unsigned("none", claims) + ".";
    }

    public static long epochSecondsIn(long seconds) {
        return Instant.now().plusSeconds(seconds).getEpochSecond();
    }

    private static String unsigned(String algorithm, Map<String, Object> claims) {
        return base64("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}") + "." + base64(JSON.writeValueAsString(claims));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
