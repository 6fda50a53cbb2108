package shop.commerce.support.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import shop.commerce.support.id.RandomIds;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is sane, otherwise a new
 * one. It is echoed on the response and put in the logging context for the request's log lines,
 * error dispatches included (see {@link WebConfig}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = response.getHeader(HEADER); // set already when this is an error dispatch
        if (requestId == null) {
            requestId = request.getHeader(HEADER);
        }
        if (requestId == null || !ACCEPTED.matcher(requestId).matches()) {
            requestId = RandomIds.uuid().toString();
        }
        response.setHeader(HEADER, requestId);
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
