/**
 * The top products of the last days, from daily sales statistics folded from the sale rows that
 * payments write, cached in Redis for a few seconds.
 */
@ApplicationModule(displayName = "Ranking", allowedDependencies = { "catalog", "support" })
package shop.commerce.ranking;

import org.springframework.modulith.ApplicationModule;
