package shop.commerce.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.util.StringUtils;

/** The claims a signed token must carry, as docs/api.md's "Tokens" lists them. */
final class TokenClaimRules {

    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(30);
    static final String ROLES = "roles";
    private static final Set<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    private TokenClaimRules() {
    }

    static OAuth2TokenValidator<Jwt> of(SecurityProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(ALLOWED_CLOCK_SKEW);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(expiringWithin(properties.jwtMaxLifetime(), clock));
        rules.add(timestamps);
        rules.add(positiveUserIdSubject());
        rules.add(knownRoles());
        if (StringUtils.hasText(properties.jwtIssuer())) {
            rules.add(new JwtIssuerValidator(properties.jwtIssuer()));
        }
        if (StringUtils.hasText(properties.jwtAudience())) {
            rules.add(new JwtAudienceValidator(properties.jwtAudience()));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    /** An {@code exp} is required, and a token may not live longer than the maximum from now. */
    private static OAuth2TokenValidator<Jwt> expiringWithin(Duration maxLifetime, Clock clock) {
        return jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return invalid("exp is required");
            }
            return expiresAt.isAfter(clock.instant().plus(maxLifetime))
                    ? invalid("exp is more than " + maxLifetime + " ahead")
                    : OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidator<Jwt> positiveUserIdSubject() {
        return jwt -> CurrentUser.parseId(jwt.getSubject()).isPresent() ? OAuth2TokenValidatorResult.success()
                : invalid("sub must be a positive user id");
    }

    /** {@code roles} is a non-empty JSON array naming only the service's roles. */
    private static OAuth2TokenValidator<Jwt> knownRoles() {
        return jwt -> jwt.getClaims().get(ROLES) instanceof Collection<?> roles && !roles.isEmpty()
                && roles.stream().allMatch(role -> role instanceof String name && ROLE_NAMES.contains(name))
                        ? OAuth2TokenValidatorResult.success()
                        : invalid("roles must be an array of " + ROLE_NAMES);
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
