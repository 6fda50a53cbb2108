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

    @Test
    void concurrentCreationsOfLookAlikeNamesCreateExactlyOneProduct() throws Exception {
        String admin = token(1, Role.ADMIN);
        // JSON text: each is "Café Hoodie" to the comparison, none equal to another as written
        List<String> lookAlikes = List.of("Caf\\u00e9 Hoodie", "caf\\u00e9 hoodie", "Cafe\\u0301 Hoodie",
                "CAFE\\u0301 HOODIE", "Caf\\u00e9 Hoodie\\u00a0", "\\u3000Caf\\u00e9 Hoodie");
        List<Result> results = ConcurrentRequests.run(30, i -> Call.post(baseUrl() + "/api/v1/admin/products", admin,
                CatalogTestData.plain(lookAlikes.get(i % lookAlikes.size()), 79000, i + 1)));

        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == 409).hasSize(29)
                .allMatch(r -> r.body().contains("DUPLICATE_PRODUCT_NAME"));
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(1);
    }
}
