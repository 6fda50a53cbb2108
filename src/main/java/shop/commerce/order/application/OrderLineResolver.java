package shop.commerce.order.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import shop.commerce.catalog.CatalogApi;
import shop.commerce.catalog.CatalogApi.OptionView;
import shop.commerce.catalog.CatalogApi.ProductView;
import shop.commerce.catalog.CatalogErrorCode;
import shop.commerce.order.OrderErrorCode;
import shop.commerce.order.domain.OrderLine;
import shop.commerce.support.error.BusinessException;
import shop.commerce.support.error.CommonErrorCode;
import shop.commerce.support.error.FieldViolation;

/**
 * Turns requested lines into priced order lines: fills in the option of one-option products,
 * merges lines of the same option, then applies the limits. Refusals follow docs/api.md's order:
 * every 400 (option required, limits) before any 404 (unknown product or option).
 */
@Component
class OrderLineResolver {

    static final int MAX_LINES = 50;
    static final long MAX_QUANTITY = 1_000;

    private final CatalogApi catalog;

    OrderLineResolver(CatalogApi catalog) {
        this.catalog = catalog;
    }

    /**
     * Resolves from the cached catalogue. A refusal that the cache may have caused (a product or
     * option it does not know, a product whose option count it has wrong) is checked once more
     * against the database before it is given.
     */
    List<OrderLine> resolve(List<RequestedLine> requested) {
        try {
            return resolveOnce(requested);
        } catch (BusinessException refusal) {
            if (!(refusal.errorCode() instanceof CatalogErrorCode)
                    && refusal.errorCode() != OrderErrorCode.OPTION_REQUIRED) {
                throw refusal;
            }
            forget(requested);
            return resolveOnce(requested);
        }
    }

    private List<OrderLine> resolveOnce(List<RequestedLine> requested) {
        Map<Long, ProductView> products = catalog.products(requested.stream().map(RequestedLine::productId)
                .distinct().toList());
        Map<Long, OrderLine> merged = new LinkedHashMap<>();
        List<BusinessException> notFound = new ArrayList<>();
        Set<List<Long>> unresolvedLines = new HashSet<>(); // still lines: they count against the limit
        for (RequestedLine line : requested) {
            ProductView product = products.get(line.productId());
            if (product == null) {
                notFound.add(CatalogErrorCode.productNotFound(line.productId()));
                unresolvedLines.add(Arrays.asList(line.productId(), line.optionId()));
                continue;
            }
            OptionView option;
            if (line.optionId() == null) {
                if (product.options().size() != 1) {
                    throw new BusinessException(OrderErrorCode.OPTION_REQUIRED, "Product " + product.id()
                            + " has " + product.options().size() + " options: name the optionId");
                }
                option = product.options().get(0);
            } else {
                var found = product.option(line.optionId());
                if (found.isEmpty()) {
                    notFound.add(CatalogErrorCode.optionNotFound(line.optionId()));
                    unresolvedLines.add(Arrays.asList(null, line.optionId()));
                    continue;
                }
                option = found.get();
            }
            merged.merge(option.id(), new OrderLine(product.id(), option.id(), product.name(), option.name(),
                    product.unitPrice(option), line.quantity()),
                    (a, b) -> new OrderLine(a.productId(), a.optionId(), a.productName(), a.optionName(),
                            a.unitPrice(), a.quantity() + b.quantity()));
        }
        if (merged.size() + unresolvedLines.size() > MAX_LINES) {
            throw invalid("items", "an order has at most " + MAX_LINES + " lines after merging");
        }
        checkLimits(merged.values());
        if (!notFound.isEmpty()) {
            throw notFound.get(0);
        }
        return List.copyOf(merged.values());
    }

    /** Forgets the cached definitions of the requested products, after the database found them stale. */
    void forget(List<RequestedLine> requested) {
        catalog.evict(requested.stream().map(RequestedLine::productId).distinct().toList());
    }

    private static void checkLimits(java.util.Collection<OrderLine> lines) {
        if (lines.size() > MAX_LINES) {
            throw invalid("items", "an order has at most " + MAX_LINES + " lines after merging");
        }
        for (OrderLine line : lines) {
            if (line.quantity() > MAX_QUANTITY) {
                throw invalid("items", "option " + line.optionId() + " is ordered " + line.quantity()
                        + " times; at most " + MAX_QUANTITY + " per line after merging");
            }
        }
    }

    private static BusinessException invalid(String field, String message) {
        return new BusinessException(CommonErrorCode.VALIDATION_FAILED, message,
                Map.of("errors", List.of(new FieldViolation(field, message))));
    }
}
