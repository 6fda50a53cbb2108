package shop.commerce.balance.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.balance.BalanceApi;
import shop.commerce.balance.domain.BalanceRepository;

/** {@link BalanceApi}: refunds for the order capability, each in the order's transaction. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BalanceFacade implements BalanceApi {

    private final BalanceRepository balances;
    private final Clock clock;

    BalanceFacade(BalanceRepository balances, Clock clock) {
        this.balances = balances;
        this.clock = clock;
    }

    @Override
    public void refund(long userId, long amount, String orderId) {
        if (amount > 0) {
            balances.refund(userId, amount, orderId, clock.instant());
        }
    }
}
