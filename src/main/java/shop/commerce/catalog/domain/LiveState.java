package shop.commerce.catalog.domain;

import java.util.Map;

/**
 * What a cached definition is confirmed against, read in one statement: the current definition
 * version of each product found, and the stock of each option found.
 */
public record LiveState(Map<Long, Long> versionByProduct, Map<Long, StockLevel> levelByOption) {
}
