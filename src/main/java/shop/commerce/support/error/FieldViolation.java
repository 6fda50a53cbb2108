package shop.commerce.support.error;

/** One offending field of a request, listed in a problem's {@code errors} array. */
public record FieldViolation(String field, String message) {
}
