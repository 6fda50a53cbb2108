package shop.commerce.ranking.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import shop.commerce.ranking.application.RankedProduct;
import shop.commerce.ranking.application.RankingQueries;

@RestController
@Tag(name = "Catalog")
@SecurityRequirements
class TopProductsController {

    private final RankingQueries topProducts;

    TopProductsController(RankingQueries topProducts) {
        this.topProducts = topProducts;
    }

    @GetMapping("/api/v1/products/top")
    @Operation(summary = "Best sellers of today and the days - 1 before it (net of cancellations)")
    List<RankedProduct> top(@RequestParam(defaultValue = "3") @Min(1) @Max(30) int days,
            @RequestParam(defaultValue = "5") @Min(1) @Max(100) int limit) {
        return topProducts.top(days, limit);
    }
}
