package shop.commerce.support.idempotency;

import java.io.IOException;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Keeps a copy of the body of requests that carry an {@code Idempotency-Key}, to compare replays by digest. */
@Component
@Order(1)
class IdempotencyKeyFilter extends OncePerRequestFilter {

    private static final int MAX_CACHED_BODY = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(IdempotentRequests.HEADER) != null) {
            chain.doFilter(new ContentCachingRequestWrapper(request, MAX_CACHED_BODY), response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
