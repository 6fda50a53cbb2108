package shop.commerce.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.BusinessErrorCode;
import shop.commerce.support.error.ErrorKind;

/** The catalog's error codes; part of its public API because ordering refuses with them too. */
public enum CatalogErrorCode implements BusinessErrorCode {
    PRODUCT_NOT_FOUND(ErrorKind.NOT_FOUND),
    OPTION_NOT_FOUND(ErrorKind.NOT_FOUND),
    DUPLICATE_PRODUCT_NAME(ErrorKind.CONFLICT),
    DUPLICATE_OPTION_NAME(ErrorKind.CONFLICT),
    OPTION_LIMIT_REACHED(ErrorKind.CONFLICT),
    OUT_OF_STOCK(ErrorKind.CONFLICT);

    private final ErrorKind kind;

    CatalogErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    /** OUT_OF_STOCK naming the short options as {@code optionIds}, ascending. */
    public static BusinessException outOfStock(Collection<Long> optionIds) {
        List<Long> sorted = optionIds.stream().sorted().toList();
        return new BusinessException(OUT_OF_STOCK, "Not enough stock for options " + sorted,
                Map.of("optionIds", sorted));
    }

    public static BusinessException productNotFound(long productId) {
        return new BusinessException(PRODUCT_NOT_FOUND, "No product " + productId);
    }

    public static BusinessException optionNotFound(long optionId) {
        return new BusinessException(OPTION_NOT_FOUND, "No option " + optionId);
    }
}
