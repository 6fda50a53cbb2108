package shop.commerce.support.idempotency;

/**
 * A claimed key's answer for when its work succeeds, rendered ahead of the transaction that stores
 * it ({@link IdempotencyClaims#prepare}), so that the transaction does no JSON while it holds rows.
 */
public final class PreparedAnswer {

    private final IdempotencyClaim claim;
    private final StoredResponse response;

    PreparedAnswer(IdempotencyClaim claim, StoredResponse response) {
        this.claim = claim;
        this.response = response;
    }

    public IdempotencyClaim claim() {
        return claim;
    }

    StoredResponse response() {
        return response;
    }
}
