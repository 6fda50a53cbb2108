package shop.commerce.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.balance.application.BalanceQueries;
import shop.commerce.balance.application.ChargeBalanceCommand;
import shop.commerce.balance.application.ChargeBalanceResult;
import shop.commerce.balance.application.ChargeBalanceService;
import shop.commerce.balance.domain.BalanceTransaction;
import shop.commerce.balance.domain.BalanceTransactionType;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;
import shop.commerce.testing.ModuleSliceSupport;

/** The balance alone on PostgreSQL: charges, the holding limit, the ledger and refunds (docs/api.md, balance). */
@ApplicationModuleTest(extraIncludes = "support")
@TestPropertySource(properties = ModuleSliceSupport.WITHOUT_REDIS)
class BalanceModuleTest extends ModuleSliceSupport {

    @Autowired
    ChargeBalanceService charges;

    @Autowired
    BalanceQueries queries;

    @Autowired
    BalanceApi balanceApi;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aUserNeverChargedHasABalanceOfZero() {
        assertThat(queries.balanceOf(7)).isZero();
        assertThat(queries.transactions(7, new PageQuery(null, null)).totalElements()).isZero();
    }

    @Test
    void chargingAddsTheAmountAndWritesOneLedgerRowPerCharge() {
        ChargeBalanceResult first = charge(1, 10_000);
        ChargeBalanceResult second = charge(1, 5_000);

        assertThat(first.balance()).isEqualTo(10_000);
        assertThat(first.chargedAmount()).isEqualTo(10_000);
        assertThat(second.balance()).isEqualTo(15_000);
        assertThat(second.transactionId()).isGreaterThan(first.transactionId());
        assertThat(queries.balanceOf(1)).isEqualTo(15_000);
        ledger().assertMatchesBalance(1);
    }

    @Test
    void listsTransactionsNewestFirstWithPaging() {
        charge(1, 1000);
        charge(1, 2000);
        charge(1, 3000);

        PageResponse<BalanceTransaction> first = queries.transactions(1, new PageQuery(0, 2));
        assertThat(first.content()).extracting(BalanceTransaction::amount).containsExactly(3000L, 2000L);
        assertThat(first.content()).extracting(BalanceTransaction::balanceAfter).containsExactly(6000L, 3000L);
        assertThat(first.content()).extracting(BalanceTransaction::type).containsOnly(BalanceTransactionType.CHARGE);
        assertThat(first.totalElements()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(queries.transactions(1, new PageQuery(1, 2)).content()).extracting(BalanceTransaction::amount)
                .containsExactly(1000L);
        PageResponse<BalanceTransaction> pastTheEnd = queries.transactions(1, new PageQuery(5, null));
        assertThat(pastTheEnd.content()).isEmpty();
        assertThat(pastTheEnd.totalElements()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -5000, 999, 1_000_001 })
    void refusesChargeAmountsOutsideThePolicyAndWritesNothing(long amount) {
        assertRefused(() -> charge(1, amount), BalanceErrorCode.INVALID_CHARGE_AMOUNT);
        assertThat(ledger().rows(1)).isZero();
    }

    @Test
    void aChargeMayReachTheMaximumBalanceExactlyButNotPassIt() {
        for (int i = 0; i < 10; i++) {
            charge(1, 999_000);
        }
        assertRefused(() -> charge(1, 10_001), BalanceErrorCode.BALANCE_LIMIT_EXCEEDED);
        assertThat(charge(1, 10_000).balance()).isEqualTo(10_000_000);
        assertRefused(() -> charge(1, 1000), BalanceErrorCode.BALANCE_LIMIT_EXCEEDED);
        assertThat(ledger().rows(1)).isEqualTo(11);
        ledger().assertMatchesBalance(1);
    }

    @Test
    void refundsCreditTheLedgerInTheCallersTransaction() {
        charge(1, 10_000);

        transactions.executeWithoutResult(s -> balanceApi.refund(1, 7000, "order-1"));
        transactions.executeWithoutResult(s -> balanceApi.refund(1, 0, "order-2"));

        assertThat(queries.balanceOf(1)).isEqualTo(17_000);
        PageResponse<BalanceTransaction> ledger = queries.transactions(1, new PageQuery(null, null));
        assertThat(ledger.content()).extracting(BalanceTransaction::type)
                .containsExactly(BalanceTransactionType.REFUND, BalanceTransactionType.CHARGE);
        assertThat(ledger.content()).extracting(BalanceTransaction::amount).containsExactly(7000L, 10_000L);
        assertThat(ledger.content()).extracting(BalanceTransaction::orderId).containsExactly("order-1", null);
        ledger().assertMatchesBalance(1);
    }

    @Test
    void aRefundNeverPassesTheHoldingLimitCheck() {
        for (int i = 0; i < 10; i++) {
            charge(1, 1_000_000);
        }
        transactions.executeWithoutResult(s -> balanceApi.refund(1, 5000, "order-1"));
        assertThat(queries.balanceOf(1)).isEqualTo(10_005_000);
        ledger().assertMatchesBalance(1);
    }

    @Test
    void aRefundOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> balanceApi.refund(1, 7000, "order-1"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(ledger().rows(1)).isZero();
    }

    private ChargeBalanceResult charge(long userId, long amount) {
        return charges.charge(new ChargeBalanceCommand(userId, amount));
    }

    private static void assertRefused(Runnable action, BalanceErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessException.class,
                refusal -> assertThat(refusal.errorCode()).isEqualTo(code));
    }

    private Ledger ledger() {
        return new Ledger(jdbc);
    }
}
