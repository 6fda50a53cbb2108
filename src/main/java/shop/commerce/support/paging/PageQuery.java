package shop.commerce.support.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Paging query parameters ({@code page} 0..10,000, {@code size} 1..100), bound from the query
 * string with {@code @Valid PageQuery query}.
 */
public record PageQuery(@Min(0) @Max(10_000) Integer page, @Min(1) @Max(100) Integer size) {

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : size;
    }

    public long offset() {
        return (long) page * size;
    }
}
