package shop.commerce.catalog.domain;

/** The ways an option's stock (total and reserved) changes. */
public enum StockMovement {
    /** available -> reserved; needs enough available. */
    RESERVE,
    /** available -> sold; needs enough available. */
    SELL,
    /** reserved -> sold. */
    SELL_RESERVED,
    /** reserved -> available. */
    RELEASE,
    /** sold -> available. */
    PUT_BACK
}
