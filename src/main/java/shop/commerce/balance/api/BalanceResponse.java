package shop.commerce.balance.api;

record BalanceResponse(long userId, long balance) {
}
