package shop.commerce.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

record RestockRequest(@NotNull @Positive @Max(1_000_000) Long quantity) {
}
