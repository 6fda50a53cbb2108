package shop.commerce.catalog.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import shop.commerce.catalog.application.ProductCatalogService;

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
    @Operation(summary = "Create a product with 1 to 10 options")
    ProductResponse create(@Valid @RequestBody CreateProductRequest request) {
        return ProductResponse.from(catalog.create(request.toNewProduct()));
    }

    @PostMapping("/{productId}/options/{optionId}/restock")
    @Operation(summary = "Add stock to one option")
    ProductResponse restock(@PathVariable long productId, @PathVariable long optionId,
            @Valid @RequestBody RestockRequest request) {
        return ProductResponse.from(catalog.restock(productId, optionId, request.quantity()));
    }
}
