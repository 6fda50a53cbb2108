package shop.commerce.support.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import shop.commerce.catalog.CatalogErrorCode;

class ErrorCodeTest {

    @Test
    void aProblemsTitleIsItsCodeInWords() {
        assertThat(CatalogErrorCode.OUT_OF_STOCK.title()).isEqualTo("Out of stock");
        assertThat(CommonErrorCode.VALIDATION_FAILED.title()).isEqualTo("Validation failed");
    }

    @Test
    void aProblemCarriesTheCodeTitleAndStatus() {
        var problem = Problems.of(CatalogErrorCode.OUT_OF_STOCK, "short");
        assertThat(problem.getTitle()).isEqualTo("Out of stock");
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getProperties()).containsEntry("code", "OUT_OF_STOCK");
        assertThat(problem.getType().toString()).endsWith("/out-of-stock");
    }
}
