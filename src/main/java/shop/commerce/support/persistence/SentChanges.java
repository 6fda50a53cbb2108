package shop.commerce.support.persistence;

import java.util.function.Supplier;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers, for the HTTP request being served, that a change reached the database: a statement
 * that commits by itself, or a commit. From then on a lost connection leaves the request's outcome
 * unknown (503 {@code OUTCOME_UNKNOWN} in docs/api.md); before it, nothing the request did can
 * have lasted, since PostgreSQL rolls back what a dead connection had not committed (503
 * {@code SERVICE_UNAVAILABLE}, safe to retry).
 */
public final class SentChanges {

    private static final String ATTRIBUTE = SentChanges.class.getName();

    private SentChanges() {
    }

    /**
     * Runs a statement that changes data. Outside a transaction it commits by itself, so once it may
     * have left (anything but a failure to get a connection) the change counts as sent; inside one,
     * the commit counts ({@link CommitsAreSentChanges}).
     */
    public static <T> T send(Supplier<T> statement) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return statement.get();
        }
        try {
            T result = statement.get();
            record();
            return result;
        } catch (CannotGetJdbcConnectionException notSent) {
            throw notSent;
        } catch (RuntimeException maybeSent) {
            record();
            throw maybeSent;
        }
    }

    /**
     * Runs work that this thread does for other requests (a batch of payments): whatever it sends is
     * not this thread's request's change; each request counts its own part.
     */
    public static void onBehalfOfOthers(Runnable work) {
        RequestAttributes ownRequest = RequestContextHolder.getRequestAttributes();
        RequestContextHolder.resetRequestAttributes();
        try {
            work.run();
        } finally {
            RequestContextHolder.setRequestAttributes(ownRequest);
        }
    }

    static void record() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** Whether the request being served has sent a change (always false outside a request). */
    public static boolean anySent() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
    }
}
