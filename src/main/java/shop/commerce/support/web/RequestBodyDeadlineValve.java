package shop.commerce.support.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import jakarta.servlet.ReadListener;
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

    private static final class DeadlineInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final DeadlineRequest request;

        DeadlineInputStream(ServletInputStream delegate, DeadlineRequest request) {
            this.delegate = delegate;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            request.checkDeadline();
            int b;
            try {
                b = delegate.read();
            } catch (IOException e) {
                throw silentClient(e);
            }
            if (b >= 0) {
                request.checkDeadline();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            request.checkDeadline();
            int n;
            try {
                n = delegate.read(buffer, offset, length);
            } catch (IOException e) {
                throw silentClient(e);
            }
            if (n > 0) {
                request.checkDeadline();
            }
            return n;
        }

        private IOException silentClient(IOException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    RequestBodyTimeoutException timeout = request.timeOut("The client stopped sending the request body");
                    timeout.initCause(failure);
                    return timeout;
                }
            }
            return failure;
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
