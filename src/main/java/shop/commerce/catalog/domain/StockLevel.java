package shop.commerce.catalog.domain;

/** An option's stock as read at one moment. */
public record StockLevel(long total, long reserved) {

    public long available() {
        return total - reserved;
    }
}
