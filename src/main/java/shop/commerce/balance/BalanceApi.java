package shop.commerce.balance;

/**
 * What other capabilities may do with a balance: it joins the caller's transaction and writes the
 * ledger row with the change in the same statement. (Paying debits the balance inside the order's
 * payment statement, which checks it on the locked row.)
 */
public interface BalanceApi {

    /** Credits back {@code amount} paid for an order (nothing for 0); never refused by the holding limit. */
    void refund(long userId, long amount, String orderId);
}
