package shop.commerce.balance.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The balance and its ledger. Every method that changes a balance does it in one conditional
 * statement that also writes the ledger row, and answers empty when the condition fails.
 */
public interface BalanceRepository {

    long balanceOf(long userId);

    /** Credits a charge unless the balance would pass {@code maxBalance}. */
    Optional<LedgerEntry> charge(long userId, long amount, long maxBalance, Instant now);

    LedgerEntry refund(long userId, long amount, String orderId, Instant now);

    List<BalanceTransaction> transactions(long userId, long offset, int limit);

    long countTransactions(long userId);

    record LedgerEntry(long transactionId, long balanceAfter) {
    }
}
