/**
 * Orders: placed and paid at once or reserved until a deadline, paid, cancelled with a refund,
 * expired. What leaves for the data platform is written through {@link shop.commerce.order.OrderEventFeed},
 * which the data-platform capability implements.
 */
@ApplicationModule(displayName = "Orders", allowedDependencies = { "balance", "catalog", "coupon", "cart", "support" })
package shop.commerce.order;

import org.springframework.modulith.ApplicationModule;
