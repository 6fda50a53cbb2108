package shop.commerce.support.idempotency;

/**
 * A finished outcome kept under an idempotency key, with the request that produced it: its
 * {@link RequestDigest}, or, for a record written before digests were kept, its method, path and body.
 */
record StoredResponse(String requestMethod, String requestPath, String requestDigest, String legacyRequestBody,
        int status, String contentType, String body) {
}
