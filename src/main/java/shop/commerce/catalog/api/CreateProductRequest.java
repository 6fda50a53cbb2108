package shop.commerce.catalog.api;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.catalog.domain.NewProduct;
import shop.commerce.support.web.PlainText;

record CreateProductRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotNull @PositiveOrZero @Max(1_000_000_000) Long price,
        @NotNull @Size(min = 1, max = NewProduct.MAX_OPTIONS) List<@Valid @NotNull OptionRequest> options) {

    record OptionRequest(
            @NotBlank @Size(max = 100) @PlainText String name,
            @PositiveOrZero @Max(1_000_000_000) Long additionalPrice,
            @NotNull @PositiveOrZero @Max(1_000_000) Long stock) {

        NewProduct.NewOption toNewOption(String field) {
            return new NewProduct.NewOption(CatalogName.ofOption(field, name),
                    additionalPrice == null ? 0 : additionalPrice, stock);
        }
    }

    NewProduct toNewProduct() {
        return new NewProduct(CatalogName.ofProduct("name", name), price, IntStream.range(0, options.size())
                .mapToObj(i -> options.get(i).toNewOption("options[" + i + "].name")).toList());
    }
}
