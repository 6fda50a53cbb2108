package shop.commerce.support.web;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.PayloadTooLargeException;

/**
 * Caps request bodies. A declared {@code Content-Length} over the limit is refused once the
 * handler is known (so 405 still wins over 413, and 413 over 415); a body without a length is
 * cut off while it is read.
 */
@Component
@org.springframework.core.annotation.Order(0)
public class RequestBodyLimit extends OncePerRequestFilter implements HandlerInterceptor {

    private final long maxBytes;

    public RequestBodyLimit(@Value("${commerce.web.max-request-body:64KB}") DataSize maxBody) {
        this.maxBytes = maxBody.toBytes();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getContentLengthLong() > maxBytes) {
            throw new BusinessException(CommonErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + maxBytes + " bytes");
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends WatchedInputStream {

        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        protected void afterRead(int bytes) throws PayloadTooLargeException {
            read += bytes;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }
    }
}
