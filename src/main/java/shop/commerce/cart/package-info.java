/**
 * The user's cart, kept in the database; ordering reads its lines through
 * {@link shop.commerce.cart.CartApi}.
 */
@ApplicationModule(displayName = "Cart", allowedDependencies = { "catalog", "support" })
package shop.commerce.cart;

import org.springframework.modulith.ApplicationModule;
