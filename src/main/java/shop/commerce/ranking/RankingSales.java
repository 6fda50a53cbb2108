package shop.commerce.ranking;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * How another module's statement records sale rows for the ranking: it puts {@link #RECORD} (a call
 * of the ranking's {@code ranking_record_sales}, {@code R__ranking_sales.sql}) in its select list and
 * binds the rows with {@link #bind}. A payment's SQL function calls the same function itself.
 */
public final class RankingSales {

    public static final String RECORD = """
            ranking_record_sales(array_fill(cast(:salesDate as date),
                                            array[cardinality(cast(:saleProductIds as bigint[]))]),
                                 cast(:saleProductIds as bigint[]), cast(:saleQuantities as bigint[]),
                                 cast(:saleUnitPrices as bigint[]))""";

    private RankingSales() {
    }

    /** One product's sale: a negative quantity takes a cancelled sale off its day. */
    public record Sale(long productId, long quantity, long unitPrice) {
    }

    public static StatementSpec bind(StatementSpec statement, LocalDate salesDate, List<Sale> sales) {
        return statement.param("salesDate", Date.valueOf(salesDate))
                .param("saleProductIds", sales.stream().map(Sale::productId).toArray(Long[]::new))
                .param("saleQuantities", sales.stream().map(Sale::quantity).toArray(Long[]::new))
                .param("saleUnitPrices", sales.stream().map(Sale::unitPrice).toArray(Long[]::new));
    }
}
