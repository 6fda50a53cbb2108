package shop.commerce.catalog.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.commerce.catalog.StockApi;
import shop.commerce.catalog.domain.StockMovement;
import shop.commerce.catalog.domain.StockRepository;

/** {@link StockApi}: each movement one statement, joining the order's transaction. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class StockFacade implements StockApi {

    private final StockRepository stock;

    StockFacade(StockRepository stock) {
        this.stock = stock;
    }

    @Override
    public List<Long> reserve(List<OptionQuantity> quantities) {
        return shortOptions(StockMovement.RESERVE, quantities);
    }

    @Override
    public void release(List<OptionQuantity> quantities) {
        requireAll(StockMovement.RELEASE, quantities);
    }

    @Override
    public void putBack(List<OptionQuantity> quantities) {
        requireAll(StockMovement.PUT_BACK, quantities);
    }

    private List<Long> shortOptions(StockMovement movement, List<OptionQuantity> quantities) {
        SortedMap<Long, Long> merged = merge(quantities);
        Set<Long> moved = new HashSet<>(stock.apply(movement, merged));
        List<Long> shortOptions = new ArrayList<>();
        merged.keySet().stream().filter(id -> !moved.contains(id)).forEach(shortOptions::add);
        return shortOptions;
    }

    /** Movements of stock that an order already holds cannot fall short unless the books are wrong. */
    private void requireAll(StockMovement movement, List<OptionQuantity> quantities) {
        List<Long> failed = shortOptions(movement, quantities);
        if (!failed.isEmpty()) {
            throw new IllegalStateException(movement + " found too little stock held for options " + failed);
        }
    }

    private static SortedMap<Long, Long> merge(List<OptionQuantity> quantities) {
        SortedMap<Long, Long> merged = new TreeMap<>();
        for (OptionQuantity quantity : quantities) {
            if (quantity.quantity() <= 0) {
                throw new IllegalArgumentException("A stock movement needs a positive quantity: " + quantity);
            }
            merged.merge(quantity.optionId(), quantity.quantity(), Long::sum);
        }
        return merged;
    }
}
