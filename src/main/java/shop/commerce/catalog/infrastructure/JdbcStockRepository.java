package shop.commerce.catalog.infrastructure;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import shop.commerce.catalog.domain.StockLevel;
import shop.commerce.catalog.domain.StockMovement;
import shop.commerce.catalog.domain.StockRepository;

@Repository
class JdbcStockRepository implements StockRepository {

    private final JdbcClient jdbc;

    JdbcStockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> apply(StockMovement movement, SortedMap<Long, Long> quantityByOption) {
        if (quantityByOption.isEmpty()) {
            return List.of();
        }
        // "locked" takes the row locks in ascending option id before any row is changed, so two
        // orders touching the same options in opposite orders wait for each other, never deadlock.
        String sql = """
                with requested as (
                    select * from unnest(cast(:optionIds as bigint[]), cast(:quantities as bigint[]))
                                   as r(option_id, quantity)
                ), locked as (
                    select option_id from option_stock
                     where option_id = any(cast(:optionIds as bigint[]))
                     order by option_id
                       for update
                )
                update option_stock s set %s
                  from requested r, locked l
                 where s.option_id = r.option_id and l.option_id = r.option_id and %s
                returning s.option_id
                """.formatted(assignment(movement), condition(movement));
        return jdbc.sql(sql)
                .param("optionIds", quantityByOption.keySet().toArray(Long[]::new))
                .param("quantities", quantityByOption.values().toArray(Long[]::new))
                .query(Long.class).list();
    }

    private static String assignment(StockMovement movement) {
        return switch (movement) {
            case RESERVE -> "reserved = s.reserved + r.quantity";
            case RELEASE -> "reserved = s.reserved - r.quantity";
            case PUT_BACK -> "total = s.total + r.quantity";
        };
    }

    private static String condition(StockMovement movement) {
        return switch (movement) {
            case RESERVE -> "option_stock_available(s.total, s.reserved, r.quantity)"; // R__catalog_stock.sql
            case RELEASE -> "s.reserved >= r.quantity";
            case PUT_BACK -> "true";
        };
    }
}
