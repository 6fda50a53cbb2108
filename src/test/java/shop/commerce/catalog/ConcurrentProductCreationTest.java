package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;

import shop.commerce.catalog.domain.Product;
import shop.commerce.support.error.BusinessException;
import shop.commerce.testing.ConcurrentCalls;
import shop.commerce.testing.ConcurrentCalls.Outcome;

/** One name, or names that only look different, created thirty times at once: one product (the name keys' unique index). */
@ApplicationModuleTest(extraIncludes = "support")
class ConcurrentProductCreationTest extends CatalogSliceSupport {

    @Test
    void concurrentCreationsOfOneNameCreateExactlyOneProduct() throws Exception {
        List<Outcome<Product>> outcomes = ConcurrentCalls.race(30,
                i -> product("Limited Edition Hoodie", 79000, i + 1));

        assertExactlyOneCreated(outcomes);
        assertThat(jdbc.sql("select count(*) from product_option").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void concurrentCreationsOfLookAlikeNamesCreateExactlyOneProduct() throws Exception {
        // each is "Café Hoodie" to the comparison, none equal to another as written
        List<String> lookAlikes = List.of("Caf\u00e9 Hoodie", "caf\u00e9 hoodie", "Cafe\u0301 Hoodie",
                "CAFE\u0301 HOODIE", "Caf\u00e9 Hoodie\u00a0", "\u3000Caf\u00e9 Hoodie");
        List<Outcome<Product>> outcomes = ConcurrentCalls.race(30,
                i -> product(lookAlikes.get(i % lookAlikes.size()), 79000, i + 1));

        assertExactlyOneCreated(outcomes);
    }

    private void assertExactlyOneCreated(List<Outcome<Product>> outcomes) {
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(ConcurrentCalls.failures(outcomes)).hasSize(29).allSatisfy(failure -> assertThat(failure)
                .isInstanceOfSatisfying(BusinessException.class, refusal -> assertThat(refusal.errorCode())
                        .isEqualTo(CatalogErrorCode.DUPLICATE_PRODUCT_NAME)));
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(1);
    }
}
