package shop.commerce.support.web;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API reads and writes JSON only (docs/api.md, Conventions): a body in any other media type is
 * a 415 and an {@code Accept} that excludes JSON a 406. Both are
 * checked once the handler is known and before its arguments are read, so the order of errors
 * holds (413 from {@link RequestBodyLimit}, then 415, then 406, then 400) and a refused request
 * never reaches the handler, which Spring's own 406, found only when the answer is written, would
 * not ensure.
 *
 * <p>The message converters are an allow-list as well ({@link #allowed}): a library that brings a
 * converter along (YAML, XML, CBOR, Smile, forms) adds nothing to what is read or written. A
 * handler that declares what it produces (a {@code text/event-stream}, the error page) is held to
 * its own declaration by Spring MVC instead of the JSON rule.
 */
final class JsonMediaTypes implements HandlerInterceptor {

    /** The bodies the API reads: {@code application/json} and {@code application/*+json}. */
    static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    /**
     * JSON, and the converters of {@code String}, {@code byte[]} and resources, which serve
     * bodies of those Java types only (metrics text, the OpenAPI description); no handler of the
     * API reads a body of those types.
     */
    private static final Set<Class<?>> ALLOWED_CONVERTERS = Set.of(JacksonJsonHttpMessageConverter.class,
            StringHttpMessageConverter.class, ByteArrayHttpMessageConverter.class, ResourceHttpMessageConverter.class,
            ResourceRegionHttpMessageConverter.class);

    static boolean allowed(HttpMessageConverter<?> converter) {
        return ALLOWED_CONVERTERS.contains(converter.getClass());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException, HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (readsBody(method) && request.getContentType() != null) {
            requireJsonBody(request.getContentType());
        }
        if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) == null) {
            requireJsonAccepted(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        }
        return true;
    }

    private static boolean readsBody(HandlerMethod method) {
        for (var parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static void requireJsonBody(String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotSupportedException(unreadable.getMessage(), JSON);
        }
        boolean json = !type.isWildcardType() && !type.isWildcardSubtype() && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix()));
        if (!json) {
            throw new HttpMediaTypeNotSupportedException(type, JSON);
        }
    }

    private static void requireJsonAccepted(List<String> accept) throws HttpMediaTypeNotAcceptableException {
        if (accept.isEmpty()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotAcceptableException(JSON);
        }
        boolean json = accepted.stream().anyMatch(type -> type.getQualityValue() > 0
                && JSON.stream().anyMatch(type::isCompatibleWith));
        if (!json) {
            throw new HttpMediaTypeNotAcceptableException(JSON);
        }
    }
}
