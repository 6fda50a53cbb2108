package shop.commerce.support.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import shop.commerce.support.error.RequestBodyTimeoutException;

/**
 * Bounds the time a worker thread waits for a request body: a body not read completely within the
 * deadline (counted from the moment the headers were read), or one whose client falls silent for
 * longer than Tomcat's read timeout, fails its read with {@link RequestBodyTimeoutException}, which
 * is answered 408. Tomcat would then read the rest of the body before closing the connection, at the
 * client's pace; instead it closes the connection at once, so the worker is free again.
 */
class RequestBodyDeadlineValve extends ValveBase {

    private final long deadlineNanos;

    RequestBodyDeadlineValve(Duration deadline) {
        super(true);
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        DeadlineRequest bounded = new DeadlineRequest(request.getRequest(), System.nanoTime() + deadlineNanos);
        request.setRequest(bounded);
        try {
            getNext().invoke(request, response);
        } finally {
            if (bounded.timedOut) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

    private static final class DeadlineRequest extends HttpServletRequestWrapper {

        private final long deadline;
        private ServletInputStream stream;
        private volatile boolean timedOut;

        DeadlineRequest(HttpServletRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new DeadlineInputStream(super.getInputStream(), this);
            }
            return stream;
        }

        RequestBodyTimeoutException timeOut(String message) {
            timedOut = true;
            return new RequestBodyTimeoutException(message);
        }

        void checkDeadline() throws RequestBodyTimeoutException {
            if (System.nanoTime() - deadline > 0) {
                throw timeOut("The request body was not received in time");
            }
        }
    }

    private static final class DeadlineInputStream extends WatchedInputStream {

        private final DeadlineRequest request;

        DeadlineInputStream(ServletInputStream delegate, DeadlineRequest request) {
            super(delegate);
            this.request = request;
        }

        @Override
        protected void beforeRead() throws RequestBodyTimeoutException {
            request.checkDeadline();
        }

        @Override
        protected void afterRead(int bytes) throws RequestBodyTimeoutException {
            request.checkDeadline();
        }

        /** A read that timed out because the client fell silent is the client's timeout, not an I/O error. */
        @Override
        protected IOException readFailed(IOException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    RequestBodyTimeoutException timeout = request.timeOut("The client stopped sending the request body");
                    timeout.initCause(failure);
                    return timeout;
                }
            }
            return failure;
        }
    }
}
