package shop.commerce.ranking.domain;

import java.time.LocalDate;
import java.util.List;

public interface SalesRepository {

    /** Appends sale records (one multi-row insert). */
    void record(List<SaleRecord> sales);

    /** Moves up to {@code limit} recorded sales into the daily totals; returns how many moved. */
    int foldIntoDailyTotals(int limit);

    /** Products with a positive net quantity between the dates (inclusive), best first. */
    List<ProductSales> top(LocalDate from, LocalDate to, int limit);
}
