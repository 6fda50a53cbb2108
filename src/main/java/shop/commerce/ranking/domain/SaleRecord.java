package shop.commerce.ranking.domain;

import java.time.LocalDate;

/** One order line's effect on a day's sales: positive when paid, negative when cancelled. */
public record SaleRecord(LocalDate salesDate, long productId, long quantity, long revenue) {
}
