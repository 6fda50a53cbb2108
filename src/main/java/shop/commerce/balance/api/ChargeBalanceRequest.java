package shop.commerce.balance.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The amount's policy (positive, min, max, unit) is checked by the charge, as INVALID_CHARGE_AMOUNT. */
record ChargeBalanceRequest(
        @Schema(description = "Optional; when given, the caller's own user id") Long userId,
        @NotNull Long amount) {
}
