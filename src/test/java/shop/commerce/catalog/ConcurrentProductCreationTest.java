package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import shop.commerce.support.security.Role;
import shop.commerce.testing.ConcurrentRequests;
import shop.commerce.testing.ConcurrentRequests.Call;
import shop.commerce.testing.ConcurrentRequests.Result;
import shop.commerce.testing.IntegrationTestSupport;

class ConcurrentProductCreationTest extends IntegrationTestSupport {

    @Test
    void concurrentCreationsOfOneNameCreateExactlyOneProduct() throws Exception {
        String admin = token(1, Role.ADMIN);
        List<Result> results = ConcurrentRequests.run(30, i -> Call.post(baseUrl() + "/api/v1/admin/products", admin,
                CatalogTestData.plain("Limited Edition Hoodie", 79000, i + 1)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 409).hasSize(29)
                .allMatch(r -> r.body().contains("DUPLICATE_PRODUCT_NAME"));
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from product_option").query(Long.class).single()).isEqualTo(1);
    }
}
