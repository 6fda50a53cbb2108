package shop.commerce.support.logging;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs after the security filters: puts the authenticated user id, and the order id of
 * {@code /api/v1/orders/{orderId}/...} paths, in the log context for the rest of the request.
 * (The request id is set first of all by {@code RequestIdFilter}.)
 */
@Component
@Order(0)
class RequestLogContextFilter extends OncePerRequestFilter {

    private static final Pattern ORDER_PATH = Pattern.compile("/api/v1/orders/([\\x21-\\x2E\\x30-\\x7E]{1,64})(/.*)?");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getName().chars().allMatch(Character::isDigit)) {
            MDC.put(LogContext.USER_ID, authentication.getName());
        }
        Matcher order = ORDER_PATH.matcher(request.getRequestURI());
        if (order.matches()) {
            MDC.put(LogContext.ORDER_ID, order.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogContext.USER_ID);
            MDC.remove(LogContext.ORDER_ID);
        }
    }
}
