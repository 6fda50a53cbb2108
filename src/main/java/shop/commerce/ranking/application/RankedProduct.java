package shop.commerce.ranking.application;

public record RankedProduct(int rank, long productId, String name, long quantitySold, long revenue) {
}
