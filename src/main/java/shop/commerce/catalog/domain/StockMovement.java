package shop.commerce.catalog.domain;

/** The ways an option's stock (total and reserved) changes outside a payment (which sells in its own statement). */
public enum StockMovement {
    /** available -> reserved; needs enough available. */
    RESERVE,
    /** reserved -> available. */
    RELEASE,
    /** sold -> available. */
    PUT_BACK
}
