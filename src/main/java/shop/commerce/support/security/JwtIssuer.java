package shop.commerce.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import javax.crypto.SecretKey;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs HS256 tokens with the service's secret. Production tokens come from an identity provider;
 * this serves the development-token endpoint and tests.
 */
@Component
public class JwtIssuer {

    private final NimbusJwtEncoder encoder;
    private final Clock clock;
    private final SecurityProperties properties;

    public JwtIssuer(SecretKey jwtSigningKey, Clock clock, SecurityProperties properties) {
        this.encoder = NimbusJwtEncoder.withSecretKey(jwtSigningKey).algorithm(MacAlgorithm.HS256).build();
        this.clock = clock;
        this.properties = properties;
    }

    public IssuedToken issue(long userId, Collection<Role> roles, Duration ttl) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A token names at least one role");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(Long.toString(userId))
                .claim(TokenClaimRules.ROLES, List.copyOf(roles.stream().map(Role::name).toList()))
                .issuedAt(now)
                .expiresAt(expiresAt);
        // the issuer and audience the service requires, when it requires them
        if (StringUtils.hasText(properties.jwtIssuer())) {
            claims.issuer(properties.jwtIssuer());
        }
        if (StringUtils.hasText(properties.jwtAudience())) {
            claims.audience(List.of(properties.jwtAudience()));
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
