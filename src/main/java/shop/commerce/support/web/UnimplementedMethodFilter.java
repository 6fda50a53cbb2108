package shop.commerce.support.web;

import java.io.IOException;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.ProblemResponses;

/**
 * A method the service does not implement at all ({@code PROPFIND}, {@code FOO}, a lower-case
 * {@code get}: methods are case-sensitive) is a 501 {@code NOT_IMPLEMENTED}, before the token
 * check. The implemented methods are those the API serves somewhere, and {@code TRACE}, which every
 * path refuses with a 405. Tomcat answers {@code CONNECT} with its own 501 before this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after RequestIdFilter, before the security filters
class UnimplementedMethodFilter extends OncePerRequestFilter {

    static final Set<String> IMPLEMENTED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");

    private final ProblemResponses problems;

    UnimplementedMethodFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!IMPLEMENTED.contains(request.getMethod())) {
            problems.write(response, CommonErrorCode.NOT_IMPLEMENTED,
                    "The server does not implement this request method");
            return;
        }
        chain.doFilter(request, response);
    }
}
