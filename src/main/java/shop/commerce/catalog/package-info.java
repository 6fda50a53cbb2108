/**
 * Products with options, their cached definitions and exact live stock; administrators create
 * and change them. Other capabilities use {@link shop.commerce.catalog.CatalogApi} and
 * {@link shop.commerce.catalog.StockApi}.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = { "support" })
package shop.commerce.catalog;

import org.springframework.modulith.ApplicationModule;
