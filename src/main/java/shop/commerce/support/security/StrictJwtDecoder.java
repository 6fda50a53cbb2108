package shop.commerce.support.security;

import java.text.ParseException;
import java.util.Map;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Refuses, before the signature is checked, what the verifier would quietly accept: a token that is
 * not three segments of canonical unpadded base64url (padding, the {@code +/} alphabet, or a last
 * character whose unused low bits are set would give the same bytes another spelling), and a
 * {@code sub} that is not a JSON string, which the parsed claims no longer tell apart
 * ({@code "sub": 5} reads as {@code "5"}).
 */
final class StrictJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;

    StrictJwtDecoder(JwtDecoder verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3) {
            throw new BadJwtException("A token has three segments");
        }
        for (String segment : segments) {
            if (!isCanonicalBase64Url(segment)) {
                throw new BadJwtException("A token's segments are canonical unpadded base64url");
            }
        }
        if (!(claims(segments[1]).get(JwtClaimNames.SUB) instanceof String)) {
            throw new BadJwtException("sub must be a JSON string");
        }
        return verifier.decode(token);
    }

    /** The one spelling of some bytes: base64url letters only, no padding, unused low bits zero. */
    static boolean isCanonicalBase64Url(String segment) {
        int length = segment.length();
        for (int i = 0; i < length; i++) {
            if (sextet(segment.charAt(i)) < 0) {
                return false;
            }
        }
        int last = length == 0 ? 0 : sextet(segment.charAt(length - 1));
        return switch (length % 4) {
            case 1 -> false;
            case 2 -> (last & 0b1111) == 0; // 12 bits carry one byte
            case 3 -> (last & 0b11) == 0; // 18 bits carry two bytes
            default -> true;
        };
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static Map<String, Object> claims(String payload) {
        try {
            return JSONObjectUtils.parse(new Base64URL(payload).decodeToString());
        } catch (ParseException | RuntimeException notJson) {
            throw new BadJwtException("A token's claims are a JSON object", notJson);
        }
    }
}
