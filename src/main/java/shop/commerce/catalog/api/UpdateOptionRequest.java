package shop.commerce.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import shop.commerce.support.web.PlainText;

/** An option's own fields, both replaced; its stock changes by restocking and ordering only. */
record UpdateOptionRequest(
        @NotBlank @Size(max = 100) @PlainText String name,
        @NotNull @PositiveOrZero @Max(1_000_000_000) Long additionalPrice) {
}
