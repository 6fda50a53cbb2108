package shop.commerce.balance.application;

public record ChargeBalanceResult(long userId, long balance, long chargedAmount, long transactionId) {
}
