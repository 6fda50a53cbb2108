package shop.commerce.balance.domain;

import java.time.Instant;

/** One ledger row: a signed change of a balance and the balance it left. */
public record BalanceTransaction(long id, long userId, BalanceTransactionType type, long amount, long balanceAfter,
        String orderId, Instant createdAt) {
}
