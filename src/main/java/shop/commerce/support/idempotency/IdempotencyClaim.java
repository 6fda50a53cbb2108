package shop.commerce.support.idempotency;

import java.time.Instant;

/**
 * A request's {@code Idempotency-Key}, to be taken ({@link IdempotencyClaims#take}) and answered
 * ({@link IdempotencyClaims#store}) by the transaction that does the request's work, when that work
 * runs on another thread than the request's: a batch of payments paid together.
 */
public final class IdempotencyClaim {

    private final long userId;
    private final String key;
    private final String requestMethod;
    private final String requestPath;
    private final String requestDigest;
    private final Instant now;
    private final Instant expiresAt;

    IdempotencyClaim(long userId, String key, String requestMethod, String requestPath, String requestDigest,
            Instant now, Instant expiresAt) {
        this.userId = userId;
        this.key = key;
        this.requestMethod = requestMethod;
        this.requestPath = requestPath;
        this.requestDigest = requestDigest;
        this.now = now;
        this.expiresAt = expiresAt;
    }

    long userId() {
        return userId;
    }

    String key() {
        return key;
    }

    Instant now() {
        return now;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** The advisory lock that marks the key in progress, the same one {@link IdempotentRequests#execute} takes. */
    String lockName() {
        return IdempotentRequests.lockName(userId, key);
    }

    StoredResponse answer(int status, String contentType, String body) {
        return new StoredResponse(requestMethod, requestPath, requestDigest, null, status, contentType, body);
    }
}
