package shop.commerce.catalog.api;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.support.openapi.ProblemCodes;
import shop.commerce.support.paging.PageQuery;
import shop.commerce.support.paging.PageResponse;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog", description = "Products, options and live stock")
@SecurityRequirements
class ProductController {

    private final ProductCatalogService catalog;

    ProductController(ProductCatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Products ordered by id, with live stock")
    PageResponse<ProductResponse> products(@ParameterObject @Valid PageQuery page) {
        return catalog.page(page).map(ProductResponse::from);
    }

    @GetMapping("/{productId}")
    @ProblemCodes({ "PRODUCT_NOT_FOUND" })
    @Operation(summary = "One product with its options and live stock")
    ProductResponse product(@PathVariable long productId) {
        return ProductResponse.from(catalog.get(productId));
    }
}
