package shop.commerce.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.OptionalLong;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import shop.commerce.support.access.Caller;
import shop.commerce.support.web.StorefrontPages;

/**
 * Stateless HS256 bearer-token security as docs/api.md's "Identity and access" describes: public
 * reads, {@code /admin} for administrators, and {@code /users/{userId}/**} for that user alone
 * (administrators may read any user).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final int MIN_SECRET_BYTES = 32;
    /** The GETs anyone may make, token or not: reads, event streams and the storefront's pages. */
    private static final List<String> PUBLIC_READS = Stream.concat(Stream.of("/api/v1/products",
            "/api/v1/products/**", "/api/v1/coupons/*", "/api/v1/coupons/*/events"),
            StorefrontPages.PATHS.stream()).toList();
    /** What anyone may do on those paths: {@code GET}, and {@code HEAD} and {@code OPTIONS} along with it. */
    private static final List<HttpMethod> PUBLIC_READ_METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    /**
     * Anonymous catalogue and coupon reads, the busiest requests, skip the chain below: with no
     * {@code Authorization} header there is nothing to authenticate and everything is permitted, so
     * only the security headers are written. A read that carries a header, valid or not, still
     * goes through {@link #apiSecurity} (a bad token stays a 401).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain anonymousPublicReads(HttpSecurity http) throws Exception {
        RequestMatcher publicRead = new OrRequestMatcher(PUBLIC_READ_METHODS.stream()
                .flatMap(method -> PUBLIC_READS.stream()
                        .map(path -> PathPatternRequestMatcher.withDefaults().matcher(method, path)))
                .toArray(RequestMatcher[]::new));
        withoutBrowserSessions(http)
                .securityMatcher(request -> request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        && publicRead.matches(request))
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(handling -> handling.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ProblemSecurityHandlers problems,
            ManagementPortRequests managementPort) throws Exception {
        withoutBrowserSessions(http)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(managementPort).permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_READS.toArray(String[]::new)).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/dev/tokens").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/actuator/health", "/actuator/health/**", "/error")
                        .permitAll()
                        // business figures such as revenue: open only on the management port (above)
                        .requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/users/{userId}", "/api/v1/users/{userId}/**").access(ownUserOnly())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** Bearer tokens only: no CSRF tokens, login forms, basic auth, logout or saved requests. */
    private static HttpSecurity withoutBrowserSessions(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable());
    }

    /** No observation around every security filter, authentication and authorization: nothing read them. */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecretKey jwtSigningKey(SecurityProperties properties) {
        String secret = properties.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("commerce.security.jwt-secret (COMMERCE_SECURITY_JWT_SECRET) must be set"
                    + " to a secret of at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, Clock clock, SecurityProperties properties) {
        NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256)
                .build();
        verifier.setJwtValidator(TokenClaimRules.of(properties, clock));
        return new VerifiedTokens(new StrictJwtDecoder(verifier), clock);
    }

    private static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaimRules.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static AuthorizationManager<RequestAuthorizationContext> ownUserOnly() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                if (auth == null || !auth.isAuthenticated() || CurrentUser.parseId(auth.getName()).isEmpty()) {
                    return new AuthorizationDecision(false);
                }
                OptionalLong userId = CurrentUser.parseId(context.getVariables().get("userId"));
                boolean readOnly = HttpMethod.GET.matches(context.getRequest().getMethod())
                        || HttpMethod.HEAD.matches(context.getRequest().getMethod());
                Caller caller = CurrentUser.of(auth);
                if (userId.isEmpty()) {
                    // not a user id: a USER is refused (403 comes before 400); an administrator's
                    // read reaches the controller, which answers 400
                    return new AuthorizationDecision(caller.admin() && readOnly);
                }
                return new AuthorizationDecision(caller.mayAccess(userId.getAsLong(), readOnly));
            }
        };
    }
}
