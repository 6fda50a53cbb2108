package shop.commerce.balance.application;

import org.springframework.stereotype.Service;

import shop.commerce.balance.domain.BalanceRepository;
import shop.commerce.balance.domain.BalanceTransaction;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;

@Service
public class BalanceQueries {

    private final BalanceRepository balances;

    BalanceQueries(BalanceRepository balances) {
        this.balances = balances;
    }

    /** A user that was never charged has a balance of 0. */
    public long balanceOf(long userId) {
        return balances.balanceOf(userId);
    }

    /** The ledger, newest first. */
    public PageResponse<BalanceTransaction> transactions(long userId, PageQuery page) {
        return PageResponse.of(balances.transactions(userId, page.offset(), page.size()), page,
                balances.countTransactions(userId));
    }
}
