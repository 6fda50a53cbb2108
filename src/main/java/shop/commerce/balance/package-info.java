/**
 * Prepaid balances in KRW and their ledger: users charge and read them; the order capability
 * refunds through {@link shop.commerce.balance.BalanceApi} (payments debit inside the order's payment
 * statement).
 */
@ApplicationModule(displayName = "Balance", allowedDependencies = { "support" })
package shop.commerce.balance;

import org.springframework.modulith.ApplicationModule;
