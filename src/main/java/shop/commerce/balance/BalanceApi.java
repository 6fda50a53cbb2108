package shop.commerce.balance;

/**
 * What other capabilities may do with a balance. Both calls join the caller's transaction and
 * write a ledger row with the change, in the same statement.
 */
public interface BalanceApi {

    /**
     * Debits {@code amount} for an order.
     *
     * @throws shop.commerce.support.error.BusinessException {@code INSUFFICIENT_BALANCE} when the
     *         balance is lower than the amount (nothing changes)
     */
    BalanceChange pay(long userId, long amount, String orderId);

    /** Credits back {@code amount} paid for an order; a refund is never refused by the holding limit. */
    BalanceChange refund(long userId, long amount, String orderId);

    record BalanceChange(long transactionId, long balanceAfter) {
    }
}
