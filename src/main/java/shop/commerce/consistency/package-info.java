/**
 * Consistency verification: a read-only reconciliation of the invariants the other capabilities keep
 * (balance and ledger, stock and pending orders, coupon quotas, used coupons and paid orders, the
 * outbox, the sales statistics), run on a schedule on one instance at a time and on demand by an
 * administrator. It reads the other capabilities' tables directly, in one snapshot, and never changes
 * them; nothing depends on it.
 */
@ApplicationModule(displayName = "Consistency checks", allowedDependencies = { "support" })
package shop.commerce.consistency;

import org.springframework.modulith.ApplicationModule;
