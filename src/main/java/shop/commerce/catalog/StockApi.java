package shop.commerce.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stock movements for ordering. Each call is one statement that locks the options' stock rows in
 * ascending option id (the project's lock order) and changes each with a conditional update; it
 * joins the caller's transaction, so a refusal of the caller rolls every movement back.
 */
public interface StockApi {

    /** Available stock (total - reserved) of each option found, as it is now; never cached. */
    Map<Long, Long> available(Collection<Long> optionIds);

    /** available -> reserved. Returns the options that did not have enough available (ascending). */
    List<Long> reserve(List<OptionQuantity> quantities);

    /** available -> sold, for an order paid at once. Returns the short options (ascending). */
    List<Long> sell(List<OptionQuantity> quantities);

    /** reserved -> sold, when a pending order is paid. */
    void sellReserved(List<OptionQuantity> quantities);

    /** reserved -> available, when a pending order expires or is cancelled. */
    void release(List<OptionQuantity> quantities);

    /** sold -> available, when a paid order is cancelled. */
    void putBack(List<OptionQuantity> quantities);

    record OptionQuantity(long optionId, long quantity) {
    }
}
