package shop.commerce.support.logging;

import org.slf4j.MDC;

/**
 * The keys every log line of a request carries (in the JSON logs as fields, in the plain pattern in
 * brackets): the request id, the authenticated user, and the order the request is about once known.
 * The request filters set and clear them; an order service names its order with {@link #order}.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";
    public static final String ORDER_ID = "orderId";

    private LogContext() {
    }

    /** The rest of this request's (or job step's) log lines concern this order. */
    public static void order(String orderId) {
        if (orderId != null) {
            MDC.put(ORDER_ID, orderId);
        }
    }

    /** Runs {@code step} with the order and user in the log context, restoring what was there before. */
    public static void withOrder(String orderId, long userId, Runnable step) {
        String previousOrder = MDC.get(ORDER_ID);
        String previousUser = MDC.get(USER_ID);
        MDC.put(ORDER_ID, orderId);
        MDC.put(USER_ID, Long.toString(userId));
        try {
            step.run();
        } finally {
            restore(ORDER_ID, previousOrder);
            restore(USER_ID, previousUser);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
