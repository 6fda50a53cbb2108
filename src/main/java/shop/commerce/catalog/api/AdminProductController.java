package shop.commerce.catalog.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.catalog.domain.CatalogName;
import shop.commerce.support.openapi.ProblemCodes;

@RestController
@RequestMapping("/api/v1/admin/products")
@Tag(name = "Catalog administration")
class AdminProductController {

    private final ProductCatalogService catalog;

    AdminProductController(ProductCatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemCodes({ "DUPLICATE_PRODUCT_NAME", "DUPLICATE_OPTION_NAME" })
    @Operation(summary = "Create a product with 1 to 10 options")
    ProductResponse create(@Valid @RequestBody CreateProductRequest request) {
        return ProductResponse.from(catalog.create(request.toNewProduct()));
    }

    @PutMapping("/{productId}")
    @ProblemCodes({ "PRODUCT_NOT_FOUND", "DUPLICATE_PRODUCT_NAME" })
    @Operation(summary = "Replace a product's name and base price",
            description = "Every instance shows the new definition from its next read on; orders priced before are"
                    + " refused their old price by the database and priced again. A pending order keeps the prices"
                    + " quoted when it was placed: its payment debits that total, whatever the price is by then.")
    ProductResponse update(@PathVariable long productId, @Valid @RequestBody UpdateProductRequest request) {
        return ProductResponse.from(
                catalog.rename(productId, CatalogName.ofProduct("name", request.name()), request.price()));
    }

    @PostMapping("/{productId}/options")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemCodes({ "PRODUCT_NOT_FOUND", "DUPLICATE_OPTION_NAME", "OPTION_LIMIT_REACHED" })
    @Operation(summary = "Add an option with its stock (a product has at most 10)")
    ProductResponse addOption(@PathVariable long productId,
            @Valid @RequestBody CreateProductRequest.OptionRequest request) {
        return ProductResponse.from(catalog.addOption(productId, request.toNewOption("name")));
    }

    @PutMapping("/{productId}/options/{optionId}")
    @ProblemCodes({ "PRODUCT_NOT_FOUND", "OPTION_NOT_FOUND", "DUPLICATE_OPTION_NAME" })
    @Operation(summary = "Replace an option's name and additional price")
    ProductResponse updateOption(@PathVariable long productId, @PathVariable long optionId,
            @Valid @RequestBody UpdateOptionRequest request) {
        return ProductResponse.from(
                catalog.changeOption(productId, optionId, CatalogName.ofOption("name", request.name()),
                        request.additionalPrice()));
    }

    @PostMapping("/{productId}/options/{optionId}/restock")
    @ProblemCodes({ "PRODUCT_NOT_FOUND", "OPTION_NOT_FOUND" })
    @Operation(summary = "Add stock to one option")
    ProductResponse restock(@PathVariable long productId, @PathVariable long optionId,
            @Valid @RequestBody RestockRequest request) {
        return ProductResponse.from(catalog.restock(productId, optionId, request.quantity()));
    }
}
