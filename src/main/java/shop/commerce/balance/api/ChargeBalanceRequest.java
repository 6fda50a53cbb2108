package shop.commerce.balance.api;

import jakarta.validation.constraints.NotNull;

/** The amount's policy (positive, min, max, unit) is checked by the charge, as INVALID_CHARGE_AMOUNT. */
record ChargeBalanceRequest(@NotNull Long amount) {
}
