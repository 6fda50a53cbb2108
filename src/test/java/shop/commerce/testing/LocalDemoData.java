package shop.commerce.testing;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import shop.commerce.balance.application.BalanceQueries;
import shop.commerce.balance.application.ChargeBalanceCommand;
import shop.commerce.balance.application.ChargeBalanceService;

/** Demo data for the local run, loaded through the application's own use cases. */
public class LocalDemoData implements ApplicationRunner {

    private final ApplicationContext context;

    LocalDemoData(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        chargeDemoUsers();
    }

    private void chargeDemoUsers() {
        ChargeBalanceService charge = context.getBean(ChargeBalanceService.class);
        BalanceQueries balances = context.getBean(BalanceQueries.class);
        for (long userId = 1; userId <= 3; userId++) {
            if (balances.balanceOf(userId) == 0) {
                charge.charge(new ChargeBalanceCommand(userId, 500_000));
            }
        }
    }
}
