/**
 * Orders: placed and paid at once or reserved until a deadline, paid, cancelled with a refund,
 * expired. A payment's one statement calls the owning capabilities' SQL functions (stock, coupon,
 * balance, cart, ranking sales, data-platform outbox); the event's id and body come from
 * {@link shop.commerce.dataplatform.DataPlatformFeed}.
 */
@ApplicationModule(displayName = "Orders",
        allowedDependencies = { "balance", "catalog", "coupon", "cart", "dataplatform", "ranking", "support" })
package shop.commerce.order;

import org.springframework.modulith.ApplicationModule;
