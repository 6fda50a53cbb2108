package shop.commerce.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.ErrorCode;

/** The catalog's error codes; part of its public API because ordering refuses with them too. */
public enum CatalogErrorCode implements ErrorCode {
    PRODUCT_NOT_FOUND(HttpStatus.NOT_FOUND),
    OPTION_NOT_FOUND(HttpStatus.NOT_FOUND),
    DUPLICATE_PRODUCT_NAME(HttpStatus.CONFLICT),
    DUPLICATE_OPTION_NAME(HttpStatus.CONFLICT),
    OPTION_LIMIT_REACHED(HttpStatus.CONFLICT),
    OUT_OF_STOCK(HttpStatus.CONFLICT);

    private final HttpStatus status;

    CatalogErrorCode(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
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
