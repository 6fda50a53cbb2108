package shop.commerce.order.domain;

import java.util.List;

/** The answer of a payment statement: paid, or why not (nothing changed then). */
public record PaymentOutcome(Refusal refusal, List<Long> shortOptionIds) {

    public enum Refusal {
        /** A name or price the order was priced with is no longer the catalogue's (paying at once). */
        PRODUCTS_CHANGED,
        /** The pending order is no longer payable: paid, cancelled, expired or past its deadline. */
        ORDER_NOT_PAYABLE,
        OUT_OF_STOCK,
        COUPON_NOT_USABLE,
        INSUFFICIENT_BALANCE
    }

    public boolean paid() {
        return refusal == null;
    }
}
