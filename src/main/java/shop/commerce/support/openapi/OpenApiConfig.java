package shop.commerce.support.openapi;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The published OpenAPI description, with a bearer-token "Authorize" button. Its servers come from
 * {@code commerce.openapi.servers} (never from the request's Host header), and every operation
 * lists the problem responses it can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearer-jwt";
    private static final String PROBLEM = "Problem";
    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE);

    @Bean
    OpenAPI commerceOpenApi(@Value("${commerce.openapi.servers:/}") List<String> servers) {
        return new OpenAPI()
                .info(new Info().title("Commerce API").version("v1")
                        .description("Balance, catalog, coupons, cart and orders. Money is in KRW."))
                .servers(servers.stream().map(url -> new Server().url(url)).toList())
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem responses api.md gives each kind of operation; a 201 replaces the default 200. */
    @Bean
    GlobalOperationCustomizer documentedProblemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (responses.containsKey("201")) {
                responses.remove("200");
            }
            Set<RequestMethod> methods = methods(handler);
            boolean write = methods.stream().anyMatch(WRITES::contains);
            boolean hasBody = hasParameter(handler.getMethod(), RequestBody.class);
            addProblem(responses, "400", "Malformed request or invalid fields (MALFORMED_REQUEST, VALIDATION_FAILED, ...)");
            if (secured(handler)) {
                addProblem(responses, "401", "No valid bearer token (UNAUTHENTICATED)");
                addProblem(responses, "403", "The token does not allow this request (FORBIDDEN)");
            }
            if (hasParameter(handler.getMethod(), PathVariable.class)) {
                addProblem(responses, "404", "The resource does not exist");
            }
            addProblem(responses, "405", "Method not allowed (METHOD_NOT_ALLOWED)");
            if (hasBody) {
                addProblem(responses, "413", "Body over 64 KiB (PAYLOAD_TOO_LARGE)");
                addProblem(responses, "415", "Not JSON (UNSUPPORTED_MEDIA_TYPE)");
            }
            if (write) {
                addProblem(responses, "409", "Refused by a business rule (see the operation's codes)");
            }
            if (operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "Idempotency-Key".equals(p.getName()))) {
                addProblem(responses, "422", "Idempotency-Key reused for another request (IDEMPOTENCY_KEY_REUSED)");
            }
            if (write && secured(handler)) {
                addProblem(responses, "429", "Over the per-user rate limit (RATE_LIMITED)");
            }
            addProblem(responses, "503", "A dependency is down; safe to retry (SERVICE_UNAVAILABLE)");
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void addProblem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    private static Set<RequestMethod> methods(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null ? Set.of() : Set.of(mapping.method());
    }

    private static boolean secured(HandlerMethod handler) {
        return !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SecurityRequirements.class)
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SecurityRequirements.class);
    }

    private static boolean hasParameter(Method method, Class<? extends java.lang.annotation.Annotation> annotation) {
        return Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(annotation));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri"));
        properties.put("title", new StringSchema());
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema());
        properties.put("code", new StringSchema().description("Stable, machine-readable error code"));
        properties.put("requestId", new StringSchema().description("The request's X-Request-Id"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        return new ObjectSchema().description("RFC 9457 problem details").properties(properties)
                .required(List.of("type", "title", "status", "code"));
    }
}
