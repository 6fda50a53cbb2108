package shop.commerce.catalog;

import java.util.List;

/**
 * Stock movements for ordering (selling is part of an order's payment statement, on the same
 * locked rows). Each call is one statement that locks the options' stock rows in
 * ascending option id (the project's lock order) and changes each with a conditional update; it
 * joins the caller's transaction, so a refusal of the caller rolls every movement back.
 */
public interface StockApi {

    /** available -> reserved. Returns the options that did not have enough available (ascending). */
    List<Long> reserve(List<OptionQuantity> quantities);

    /** reserved -> available, when a pending order expires or is cancelled. */
    void release(List<OptionQuantity> quantities);

    /** sold -> available, when a paid order is cancelled. */
    void putBack(List<OptionQuantity> quantities);

    record OptionQuantity(long optionId, long quantity) {
    }
}
