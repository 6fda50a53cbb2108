package shop.commerce.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import shop.commerce.balance.application.ChargeBalanceCommand;
import shop.commerce.balance.application.ChargeBalanceResult;
import shop.commerce.balance.application.ChargeBalanceService;
import shop.commerce.support.error.BusinessException;
import shop.commerce.testing.ConcurrentCalls;
import shop.commerce.testing.ConcurrentCalls.Outcome;
import shop.commerce.testing.ModuleSliceSupport;

/** Charges raced against the balance alone: each is one conditional statement, checked from the ledger. */
@ApplicationModuleTest(extraIncludes = "support")
@TestPropertySource(properties = ModuleSliceSupport.WITHOUT_REDIS)
class BalanceConcurrencyTest extends ModuleSliceSupport {

    @Autowired
    ChargeBalanceService charges;

    @Test
    void aHundredConcurrentChargesAddUpExactly() throws Exception {
        List<Outcome<ChargeBalanceResult>> outcomes = ConcurrentCalls.race(100, i -> charge(1, 1000 + i));

        assertThat(ConcurrentCalls.failures(outcomes)).isEmpty();
        long expected = 0;
        for (int i = 0; i < 100; i++) {
            expected += 1000 + i;
        }
        assertThat(ledger().balance(1)).isEqualTo(expected);
        assertThat(ledger().sum(1)).isEqualTo(expected);
        assertThat(ledger().rows(1)).isEqualTo(100);
    }

    @Test
    void concurrentChargesNearTheLimitNeverPassIt() throws Exception {
        jdbc.sql("insert into user_balance (user_id, balance, updated_at) values (1, 9990000, now())").update();
        jdbc.sql("""
                insert into balance_transaction (user_id, type, amount, balance_after, created_at)
                values (1, 'CHARGE', 9990000, 9990000, now())
                """).update();

        List<Outcome<ChargeBalanceResult>> outcomes = ConcurrentCalls.race(60, i -> charge(1, 1000));

        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(10);
        assertThat(ConcurrentCalls.failures(outcomes)).hasSize(50).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(BusinessException.class, refusal -> assertThat(refusal.errorCode())
                        .isEqualTo(BalanceErrorCode.BALANCE_LIMIT_EXCEEDED)));
        assertThat(ledger().balance(1)).isEqualTo(10_000_000);
        assertThat(ledger().sum(1)).isEqualTo(10_000_000);
    }

    @Test
    void aUsersFirstChargesSentTogetherAllSucceed() throws Exception {
        List<Outcome<ChargeBalanceResult>> outcomes = ConcurrentCalls.race(30, i -> charge(3, 2000));

        assertThat(ConcurrentCalls.failures(outcomes)).isEmpty();
        assertThat(ledger().balance(3)).isEqualTo(60_000);
        assertThat(ledger().sum(3)).isEqualTo(60_000);
    }

    private ChargeBalanceResult charge(long userId, long amount) {
        return charges.charge(new ChargeBalanceCommand(userId, amount));
    }

    private Ledger ledger() {
        return new Ledger(jdbc);
    }
}
