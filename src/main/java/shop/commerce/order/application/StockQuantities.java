package shop.commerce.order.application;

import java.util.Collection;
import java.util.List;

import shop.commerce.catalog.StockApi.OptionQuantity;
import shop.commerce.order.domain.Order;
import shop.commerce.order.domain.OrderLine;

/** The stock quantities orders hold, as the catalogue's stock movements take them. */
final class StockQuantities {

    private StockQuantities() {
    }

    static List<OptionQuantity> of(List<OrderLine> lines) {
        return lines.stream().map(l -> new OptionQuantity(l.optionId(), l.quantity())).toList();
    }

    static List<OptionQuantity> of(Collection<Order> orders) {
        return orders.stream().flatMap(o -> of(o.lines()).stream()).toList();
    }
}
