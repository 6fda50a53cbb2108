package shop.commerce.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;

import shop.commerce.coupon.application.CouponQueries;
import shop.commerce.coupon.application.CreateCouponService;
import shop.commerce.coupon.domain.CouponDefinition;
import shop.commerce.coupon.domain.DiscountRule;
import shop.commerce.coupon.domain.DiscountType;
import shop.commerce.coupon.domain.IssueWindow;

/** Demo coupons for the local run, created through the application's own use case when none exists. */
public class CouponDemoData implements ApplicationRunner {

    private final ApplicationContext context;

    CouponDemoData(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (context.getBean(CouponQueries.class).anyCouponExists()) {
            return;
        }
        CreateCouponService create = context.getBean(CreateCouponService.class);
        create.create(new CouponDefinition("Welcome 5,000 KRW off",
                new DiscountRule(DiscountType.FIXED, 5_000, null, 30_000), 1_000, 30, IssueWindow.ALWAYS));
        create.create(new CouponDefinition("Welcome 10%",
                new DiscountRule(DiscountType.PERCENT, 10, 5_000L, 0), 100, 7, IssueWindow.ALWAYS));
        Instant now = context.getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS);
        create.create(new CouponDefinition("Flash 30% (first 10, today only)",
                new DiscountRule(DiscountType.PERCENT, 30, 20_000L, 10_000), 10, 3,
                new IssueWindow(now, now.plus(1, ChronoUnit.DAYS))));
    }
}
