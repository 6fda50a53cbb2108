package shop.commerce.balance.application;

public record ChargeBalanceCommand(long userId, long amount) {
}
