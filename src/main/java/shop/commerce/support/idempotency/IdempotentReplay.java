package shop.commerce.support.idempotency;

/**
 * Thrown to a request whose key's outcome was stored meanwhile, by another request with the same
 * key that finished first: {@link IdempotentRequests#executeClaimed} answers with the stored outcome.
 */
public final class IdempotentReplay extends RuntimeException {

    private final transient StoredResponse stored;

    IdempotentReplay(StoredResponse stored) {
        super("The Idempotency-Key's outcome was stored meanwhile", null, false, false);
        this.stored = stored;
    }

    StoredResponse stored() {
        return stored;
    }
}
