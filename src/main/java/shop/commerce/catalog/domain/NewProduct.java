package shop.commerce.catalog.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.FieldViolation;

/** A product to create: 1 to 10 options whose names are unique within it, as {@link CatalogName} compares them. */
public record NewProduct(CatalogName name, long price, List<NewOption> options) {

    public static final int MAX_OPTIONS = 10;

    public NewProduct {
        options = List.copyOf(options);
        if (options.isEmpty() || options.size() > MAX_OPTIONS) {
            throw invalid("options", "a product has 1 to " + MAX_OPTIONS + " options");
        }
        Set<String> keys = new HashSet<>();
        for (NewOption option : options) {
            if (!keys.add(option.name().key())) {
                throw invalid("options", "option names must be unique within a product: " + option.name());
            }
        }
    }

    public record NewOption(CatalogName name, long additionalPrice, long stock) {
    }

    private static BusinessException invalid(String field, String message) {
        return new BusinessException(CommonErrorCode.VALIDATION_FAILED, message,
                java.util.Map.of("errors", List.of(new FieldViolation(field, message))));
    }
}
