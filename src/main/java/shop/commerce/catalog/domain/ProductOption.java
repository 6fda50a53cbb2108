package shop.commerce.catalog.domain;

public record ProductOption(long id, String name, long additionalPrice, long totalStock, long reservedStock) {

    public long availableStock() {
        return totalStock - reservedStock;
    }
}
