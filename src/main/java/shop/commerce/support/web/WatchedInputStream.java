package shop.commerce.support.web;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body stream that passes every read to the container's stream and lets a subclass watch
 * it: before each read, after each read that returned bytes, and when a read fails. The body's
 * size limit ({@link RequestBodyLimit}) and its deadline ({@link RequestBodyDeadlineValve}) are
 * both such watchers.
 */
abstract class WatchedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;

    WatchedInputStream(ServletInputStream delegate) {
        this.delegate = delegate;
    }

    /** Before every read; may refuse it. */
    protected void beforeRead() throws IOException {
    }

    /** After a read that returned {@code bytes} (at least 1); may refuse what came. */
    protected abstract void afterRead(int bytes) throws IOException;

    /** What a failed read throws: the container's failure, or one the subclass makes of it. */
    protected IOException readFailed(IOException failure) {
        return failure;
    }

    @Override
    public final int read() throws IOException {
        beforeRead();
        int b;
        try {
            b = delegate.read();
        } catch (IOException e) {
            throw readFailed(e);
        }
        if (b >= 0) {
            afterRead(1);
        }
        return b;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        beforeRead();
        int n;
        try {
            n = delegate.read(buffer, offset, length);
        } catch (IOException e) {
            throw readFailed(e);
        }
        if (n > 0) {
            afterRead(n);
        }
        return n;
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
