package shop.commerce.balance.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import shop.commerce.balance.domain.BalanceRepository;
import shop.commerce.balance.domain.ChargePolicy;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.persistence.AfterCommit;

/**
 * Charges a balance. The credit and its ledger row are one conditional statement, so the limit
 * holds under any concurrency without a lock or a transaction of its own. Counts
 * {@code commerce_balance_charges_total{outcome}} ({@code charged} or the refusal's code) and
 * {@code commerce_balance_charged_krw_total}, and logs one line per charge.
 */
@Service
public class ChargeBalanceService {

    private static final Logger log = LoggerFactory.getLogger(ChargeBalanceService.class);

    private final BalanceRepository balances;
    private final ChargePolicy policy;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Counter charged;
    private final Counter chargedAmount;

    ChargeBalanceService(BalanceRepository balances, BalanceProperties properties, Clock clock,
            MeterRegistry registry) {
        this.balances = balances;
        this.policy = properties.chargePolicy();
        this.clock = clock;
        this.registry = registry;
        this.charged = charges("charged");
        this.chargedAmount = Counter.builder("commerce.balance.charged.krw")
                .description("KRW credited to balances by charges").register(registry);
    }

    public ChargeBalanceResult charge(ChargeBalanceCommand command) {
        BalanceRepository.LedgerEntry entry;
        try {
            policy.check(command.amount());
            entry = balances.charge(command.userId(), command.amount(), policy.maxBalance(), clock.instant())
                    .orElseThrow(policy::limitExceeded);
        } catch (BusinessException refusal) {
            charges(refusal.errorCode().name()).increment();
            log.info("Charge refused: code={} user={} amount={} KRW", refusal.errorCode().name(), command.userId(),
                    command.amount());
            throw refusal;
        }
        AfterCommit.run(() -> {
            charged.increment();
            chargedAmount.increment(command.amount());
            log.info("Balance charged: user={} amount={} KRW balance={} KRW transaction={}", command.userId(),
                    command.amount(), entry.balanceAfter(), entry.transactionId());
        });
        return new ChargeBalanceResult(command.userId(), entry.balanceAfter(), command.amount(),
                entry.transactionId());
    }

    private Counter charges(String outcome) {
        return Counter.builder("commerce.balance.charges")
                .description("Balance charges by outcome: charged, or the error code of a refusal")
                .tag("outcome", outcome).register(registry);
    }
}
