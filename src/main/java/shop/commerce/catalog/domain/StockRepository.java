package shop.commerce.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

public interface StockRepository {

    /**
     * Applies {@code movement} to every option in one statement, locking the rows in ascending
     * option id; returns the options whose condition held (and were changed).
     */
    List<Long> apply(StockMovement movement, SortedMap<Long, Long> quantityByOption);
}
