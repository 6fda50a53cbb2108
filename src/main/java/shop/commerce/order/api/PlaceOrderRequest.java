package shop.commerce.order.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import shop.commerce.order.application.PlaceOrderCommand;
import shop.commerce.order.application.RequestedLine;

/**
 * The line limits (1..50 lines, 1..1,000 per line) apply after lines of one option are merged;
 * here only what each line must be on its own.
 */
record PlaceOrderRequest(
        @NotNull @Positive Long userId,
        @Size(max = 1_000) List<@NotNull @Valid Item> items,
        @Positive Long userCouponId,
        Boolean fromCart,
        Boolean payNow) {

    record Item(@NotNull @Positive Long productId, @Positive Long optionId,
            @NotNull @Min(1) @Max(1_000) Long quantity) {
    }

    @AssertTrue(message = "give items, or fromCart: true with no items")
    boolean isItemsOrCart() {
        boolean hasItems = items != null && !items.isEmpty();
        return Boolean.TRUE.equals(fromCart) != hasItems;
    }

    PlaceOrderCommand toCommand() {
        List<RequestedLine> lines = items == null ? List.of()
                : items.stream().map(i -> new RequestedLine(i.productId(), i.optionId(), i.quantity())).toList();
        return new PlaceOrderCommand(userId, lines, userCouponId, Boolean.TRUE.equals(fromCart),
                !Boolean.FALSE.equals(payNow));
    }
}
