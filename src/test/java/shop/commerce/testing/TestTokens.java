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
        return sign(algorithm, unsigned(algorithm, claims), key);
    }

    /** Signs the header and payload as given ({@code header.payload}, however spelled) with HS256. */
    public static String signSegments(String signingInput, String key) {
        return sign("HS256", signingInput, key);
    }

    private static String sign(String algorithm, String signingInput, String key) {
        try {
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

    /** The same token with its signature padded with {@code =} to a multiple of four characters. */
    public static String withPaddedSignature(String token) {
        return token + "=".repeat((4 - token.substring(token.lastIndexOf('.') + 1).length() % 4) % 4);
    }

    /**
     * The same token with the signature's last character changed in the bits that carry no data,
     * so that it decodes to the same bytes. An HS256 signature is 43 characters: the last one
     * carries 4 bits of data and 2 unused ones.
     */
    public static String withSignatureLastCharacterRespelled(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        return token.substring(0, token.length() - 1) + alphabet.charAt(last ^ 1);
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
