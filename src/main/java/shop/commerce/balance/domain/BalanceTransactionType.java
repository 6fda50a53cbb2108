package shop.commerce.balance.domain;

public enum BalanceTransactionType {
    CHARGE, PAYMENT, REFUND
}
