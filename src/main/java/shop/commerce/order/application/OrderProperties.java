package shop.commerce.order.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code commerce.order.*}.
 *
 * @param maxPendingOrders how many unpaid orders, not past their deadline, a user may hold at once
 * @param paymentBatchSize the most pay-now orders one statement pays together ({@link PaymentBatcher})
 * @param paymentBatchLanes how many such statements one instance keeps in flight at once
 */
@ConfigurationProperties("commerce.order")
public record OrderProperties(@DefaultValue("10m") Duration paymentTimeout,
        @DefaultValue("1s") Duration expirySweepInterval, @DefaultValue("5") int maxPendingOrders,
        @DefaultValue("32") int paymentBatchSize, @DefaultValue("1") int paymentBatchLanes) {
}
