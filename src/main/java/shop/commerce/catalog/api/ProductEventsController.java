package shop.commerce.catalog.api;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import shop.commerce.catalog.application.ProductCatalogService;
import shop.commerce.support.openapi.ProblemCodes;

/** A product's live stock as Server-Sent Events (docs/api.md, the product's {@code /events}). */
@RestController
@Tag(name = "Catalog")
@SecurityRequirements
class ProductEventsController {

    private final ProductCatalogService catalog;
    private final ProductStockStreams streams;

    ProductEventsController(ProductCatalogService catalog, ProductStockStreams streams) {
        this.catalog = catalog;
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/products/{productId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ProblemCodes({ "PRODUCT_NOT_FOUND" })
    @Operation(summary = "A stream of the product with its live stock: an event 'product' at once and whenever"
            + " it changes, at most one a second")
    @ApiResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = ProductResponse.class)))
    SseEmitter productEvents(@PathVariable @Positive long productId, HttpMethod method) {
        return streams.open(productId, ProductResponse.from(catalog.get(productId)), method);
    }
}
