package shop.commerce.consistency.domain;

/** One broken invariant: which check, what it concerns ({@code user 123}) and what was found. */
public record Violation(ConsistencyCheck check, String subject, String detail) {
}
