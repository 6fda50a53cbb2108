package shop.commerce.ranking.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The ranking's sales statistics. Sale rows ({@code ranking_sale}) are appended by the statements
 * that pay and cancel orders (order capability); this capability folds them into daily totals.
 */
public interface SalesRepository {

    /** Moves up to {@code limit} recorded sales into the daily totals; returns how many moved. */
    int foldIntoDailyTotals(int limit);

    /** Products with a positive net quantity between the dates (inclusive), best first. */
    List<ProductSales> top(LocalDate from, LocalDate to, int limit);
}
