package shop.commerce.balance.application;

import java.time.Clock;

import org.springframework.stereotype.Service;

import shop.commerce.balance.domain.BalanceRepository;
import shop.commerce.balance.domain.ChargePolicy;

/**
 * Charges a balance. The credit and its ledger row are one conditional statement, so the limit
 * holds under any concurrency without a lock or a transaction of its own.
 */
@Service
public class ChargeBalanceService {

    private final BalanceRepository balances;
    private final ChargePolicy policy;
    private final Clock clock;

    ChargeBalanceService(BalanceRepository balances, BalanceProperties properties, Clock clock) {
        this.balances = balances;
        this.policy = properties.chargePolicy();
        this.clock = clock;
    }

    public ChargeBalanceResult charge(ChargeBalanceCommand command) {
        policy.check(command.amount());
        BalanceRepository.LedgerEntry entry = balances
                .charge(command.userId(), command.amount(), policy.maxBalance(), clock.instant())
                .orElseThrow(policy::limitExceeded);
        return new ChargeBalanceResult(command.userId(), entry.balanceAfter(), command.amount(),
                entry.transactionId());
    }
}
