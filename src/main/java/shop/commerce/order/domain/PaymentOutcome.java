package shop.commerce.order.domain;

import java.util.List;

/** The answer of the pay-now statement: paid, or why not (nothing changed then). */
public record PaymentOutcome(Refusal refusal, List<Long> shortOptionIds) {

    public enum Refusal {
        /** A name or price the order was priced with is no longer the catalogue's. */
        PRODUCTS_CHANGED,
        OUT_OF_STOCK,
        COUPON_NOT_USABLE,
        INSUFFICIENT_BALANCE
    }

    public boolean paid() {
        return refusal == null;
    }
}
