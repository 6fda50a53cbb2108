package shop.commerce.support.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An {@code OPTIONS} answer is a 204 with {@code Allow}: Spring MVC writes the {@code Allow} header
 * and leaves the status alone, so the status is set to 204 up front; a refusal (401, 404, ...)
 * replaces it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OptionsNoContentFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HttpMethod.OPTIONS.matches(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
        chain.doFilter(request, response);
    }
}
