package shop.commerce.balance.api;

import java.time.Instant;

import shop.commerce.balance.domain.BalanceTransaction;
import shop.commerce.balance.domain.BalanceTransactionType;

record BalanceTransactionResponse(long id, BalanceTransactionType type, long amount, long balanceAfter,
        String orderId, Instant createdAt) {

    static BalanceTransactionResponse from(BalanceTransaction transaction) {
        return new BalanceTransactionResponse(transaction.id(), transaction.type(), transaction.amount(),
                transaction.balanceAfter(), transaction.orderId(), transaction.createdAt());
    }
}
