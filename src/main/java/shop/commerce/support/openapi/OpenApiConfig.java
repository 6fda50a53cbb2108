package shop.commerce.support.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.providers.SpringWebProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
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
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.ErrorCode;
import shop.commerce.support.error.ErrorCodeCatalog;
import shop.commerce.support.error.Problems;
import shop.commerce.support.idempotency.IdempotentRequests;

/**
 * The published OpenAPI description, with a bearer-token "Authorize" button. Its servers come from
 * {@code commerce.openapi.servers} (never from the request's Host header), and every operation
 * lists the problem responses it can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearer-jwt";
    private static final String PROBLEM = "Problem";
    private static final String EXAMPLE_REQUEST_ID = "0b7f3a5e-8f6c-4d7e-9a51-2f0c7d4e6b1a";

    @Bean
    OpenAPI commerceOpenApi(@Value("${commerce.openapi.servers:/}") List<String> servers) {
        return new OpenAPI()
                .info(new Info().title("Commerce API").version("v1")
                        .description("Balance, catalog, coupons, cart and orders. Money is in KRW.")
                        .license(new License().name("Proprietary").url("https://commerce.shop/license")))
                .servers(servers.stream().map(url -> new Server().url(url)).toList())
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** springdoc's Swagger UI configuration, without the addresses it would take from the request's Host. */
    @Bean
    SwaggerUiWithoutHost swaggerUiWithoutHost(SwaggerUiConfigProperties swaggerUiConfig,
            SpringDocConfigProperties springDocConfig, ObjectProvider<SpringWebProvider> springWebProvider) {
        return new SwaggerUiWithoutHost(swaggerUiConfig, springDocConfig, springWebProvider);
    }

    /**
     * Lists under each operation the error codes it can answer, grouped by status, with a named example
     * problem per code: those every operation of its kind shares, then its own ({@link ProblemCodes}).
     * A 201 replaces the default 200.
     */
    @Bean
    GlobalOperationCustomizer documentedProblemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (responses.containsKey("201")) {
                responses.remove("200");
            }
            describeIdempotencyKey(operation);
            Map<String, List<ErrorCode>> byStatus = new TreeMap<>();
            errorCodes(operation, handler).forEach(code -> byStatus
                    .computeIfAbsent(String.valueOf(code.status().value()), status -> new ArrayList<>()).add(code));
            byStatus.forEach((status, codes) -> responses.addApiResponse(status, problemResponse(codes)));
            operation.setResponses(responses);
            return operation;
        };
    }

    /** The codes an operation can answer: those its kind shares, then its own, each once. */
    private static Set<ErrorCode> errorCodes(Operation operation, HandlerMethod handler) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        codes.add(CommonErrorCode.MALFORMED_REQUEST);
        codes.add(CommonErrorCode.VALIDATION_FAILED);
        if (secured(handler)) {
            codes.add(CommonErrorCode.UNAUTHENTICATED);
            codes.add(CommonErrorCode.FORBIDDEN);
        }
        codes.add(CommonErrorCode.METHOD_NOT_ALLOWED);
        codes.add(CommonErrorCode.NOT_ACCEPTABLE);
        if (hasParameter(handler.getMethod(), RequestBody.class)) {
            codes.add(CommonErrorCode.REQUEST_TIMEOUT);
            codes.add(CommonErrorCode.PAYLOAD_TOO_LARGE);
            codes.add(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (takesIdempotencyKey(operation)) {
            codes.add(CommonErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS);
            codes.add(CommonErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        codes.add(CommonErrorCode.SERVICE_UNAVAILABLE);
        ProblemCodes own = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ProblemCodes.class);
        if (own != null) {
            Arrays.stream(own.value()).map(ErrorCodeCatalog::named).forEach(codes::add);
        }
        return codes;
    }

    private static ApiResponse problemResponse(List<ErrorCode> codes) {
        var media = new io.swagger.v3.oas.models.media.MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        codes.forEach(code -> media.addExamples(code.name(), new Example().summary(code.title()).value(exampleBody(code))));
        String names = codes.stream().map(ErrorCode::name).collect(Collectors.joining(", "));
        return new ApiResponse().description(names).content(new Content()
                .addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, media));
    }

    private static Map<String, Object> exampleBody(ErrorCode code) {
        ProblemDetail problem = Problems.of(code, code.title() + ".");
        problem.setProperty("requestId", EXAMPLE_REQUEST_ID);
        return Problems.asJsonObject(problem);
    }

    private static boolean takesIdempotencyKey(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> IdempotentRequests.HEADER.equals(p.getName()));
    }

    /** The header's rule, written once here for every operation that takes it. */
    private static void describeIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(p -> IdempotentRequests.HEADER.equals(p.getName())).forEach(p -> p
                .description("Makes a retry safe: the same key and request answer the stored outcome again "
                        + "(1 to 255 visible ASCII characters, scoped to the caller)")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
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
