package shop.commerce.ranking.domain;

/** A product's net sales over a range of days. */
public record ProductSales(long productId, long quantitySold, long revenue) {
}
