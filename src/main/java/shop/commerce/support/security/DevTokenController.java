package shop.commerce.support.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Development tokens, only where {@code commerce.security.dev-tokens-enabled=true}. Without it this
 * controller does not exist and the path answers 404. It refuses to exist outside the local run
 * (profile {@code local}), so a production deployment cannot switch it on by mistake.
 */
@RestController
@RequestMapping("/api/v1/dev/tokens")
@ConditionalOnBooleanProperty("commerce.security.dev-tokens-enabled")
@Tag(name = "Development")
class DevTokenController {

    private final JwtIssuer issuer;
    private final SecurityProperties properties;

    DevTokenController(JwtIssuer issuer, SecurityProperties properties, Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("local"))) {
            throw new IllegalStateException("commerce.security.dev-tokens-enabled=true is allowed only in the local run"
                    + " (profile 'local'); production tokens come from the identity provider");
        }
        if (properties.devTokenTtl().compareTo(properties.jwtMaxLifetime()) > 0) {
            throw new IllegalStateException("commerce.security.dev-token-ttl (" + properties.devTokenTtl()
                    + ") is longer than commerce.security.jwt-max-lifetime (" + properties.jwtMaxLifetime()
                    + "): the service would refuse its own development tokens");
        }
        this.issuer = issuer;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Issue a development token for any user id and roles")
    @SecurityRequirements
    DevTokenResponse issue(@Valid @RequestBody DevTokenRequest request) {
        Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? Set.of(Role.USER)
                : Set.copyOf(request.roles());
        JwtIssuer.IssuedToken token = issuer.issue(request.userId(), roles, properties.devTokenTtl());
        return new DevTokenResponse(token.token(), token.expiresAt());
    }

    record DevTokenRequest(@NotNull @Positive Long userId, @Size(max = 2) List<@NotNull Role> roles) {
    }

    record DevTokenResponse(String token, java.time.Instant expiresAt) {
    }
}
