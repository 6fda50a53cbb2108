package shop.commerce.balance.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.balance.BalanceApi;
import shop.commerce.balance.BalanceErrorCode;
import shop.commerce.balance.domain.BalanceRepository;

/** Payments and refunds for the order capability; each joins the order's transaction. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BalanceLedger implements BalanceApi {

    private final BalanceRepository balances;
    private final Clock clock;

    BalanceLedger(BalanceRepository balances, Clock clock) {
        this.balances = balances;
        this.clock = clock;
    }

    @Override
    public BalanceChange pay(long userId, long amount, String orderId) {
        if (amount == 0) {
            return new BalanceChange(0, balances.balanceOf(userId));
        }
        BalanceRepository.LedgerEntry entry = balances.debit(userId, amount, orderId, clock.instant())
                .orElseThrow(() -> BalanceErrorCode.insufficientBalance(amount));
        return new BalanceChange(entry.transactionId(), entry.balanceAfter());
    }

    @Override
    public BalanceChange refund(long userId, long amount, String orderId) {
        if (amount == 0) {
            return new BalanceChange(0, balances.balanceOf(userId));
        }
        BalanceRepository.LedgerEntry entry = balances.refund(userId, amount, orderId, clock.instant());
        return new BalanceChange(entry.transactionId(), entry.balanceAfter());
    }
}
