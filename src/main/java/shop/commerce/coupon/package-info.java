/**
 * First-come coupons: definitions, a Redis gate in front of a quota the database enforces, and the
 * user coupons that orders quote and give back through {@link shop.commerce.coupon.CouponApi}.
 */
@ApplicationModule(displayName = "Coupons", allowedDependencies = { "support" })
package shop.commerce.coupon;

import org.springframework.modulith.ApplicationModule;
