package shop.commerce.support.idempotency;

/** A finished outcome kept under an idempotency key, with the request that produced it. */
record StoredResponse(String requestMethod, String requestPath, String requestBody, int status,
        String contentType, String body) {
}
