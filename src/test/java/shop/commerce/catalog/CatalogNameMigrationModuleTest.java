package shop.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.modulith.test.ApplicationModuleTest;

import shop.commerce.catalog.domain.CatalogName;

/**
 * The catalogue's SQL functions for look-alike names: the migration that renames names already
 * duplicated under the comparison, and the key the database computes, equal to {@link CatalogName}'s.
 */
@ApplicationModuleTest(extraIncludes = "support")
class CatalogNameMigrationModuleTest extends CatalogSliceSupport {

    @Test
    void theMigrationRenamesNamesAlreadyDuplicatedUnderTheComparison() {
        for (String table : List.of("stock_receipt", "option_stock", "product_option", "product")) {
            jdbc.sql("delete from " + table).update();
        }
        List<String> legacy = List.of("Shirt", "shirt", "Shirt\u00a0", "Sh\u200birt", "shirt (2)", "Cafe\u0301",
                "Caf\u00e9", "\ufeffMug");
        for (int i = 0; i < legacy.size(); i++) {
            // rows written before the comparison existed: each name_key is a placeholder of its own
            long productId = jdbc.sql("""
                    insert into product (name, name_key, price, created_at) values (:name, :key, 1, now()) returning id
                    """).param("name", legacy.get(i)).param("key", "legacy " + i).query(Long.class).single();
            for (String option : i == 0 ? List.of("Black / M", "black / m", "Black / M\u3000") : List.of("Default")) {
                jdbc.sql("insert into product_option (product_id, name, name_key, additional_price)"
                        + " values (:p, :name, :key, 0)")
                        .param("p", productId).param("name", option).param("key", "legacy " + option).update();
            }
        }

        jdbc.sql("select catalog_rename_look_alike_names()").query(String.class).list();

        assertThat(jdbc.sql("select name from product order by id").query(String.class).list()).containsExactly(
                "Shirt", "shirt (3)", "Shirt (4)", "Shirt (5)", "shirt (2)", "Cafe\u0301", "Caf\u00e9 (2)",
                "\ufeffMug");
        assertThat(jdbc.sql("select name_key from product order by id").query(String.class).list()).containsExactly(
                "shirt", "shirt (3)", "shirt (4)", "shirt (5)", "shirt (2)", "caf\u00e9", "caf\u00e9 (2)", "mug");
        assertThat(jdbc.sql("select name from product_option order by id limit 3").query(String.class).list())
                .containsExactly("Black / M", "black / m (2)", "Black / M (3)");
        assertThat(jdbc.sql("select count(*) from product_option where name = 'Default'").query(Long.class).single())
                .isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Shirt", "\u00a0 Linen\u00a0Shirt\u3000", "Cafe\u0301", "CAF\u00c9 NOIR",
            "\u00c5ngstr\u00f6m", "Stra\u00dfe", "\u0394\u03b5\u03bb\u03c4\u03b1" })
    void theMigrationKeysAStoredNameAsTheServiceDoes(String name) {
        CatalogName accepted = CatalogName.ofProduct("name", name);

        assertThat(jdbc.sql("select catalog_name_display(:name)").param("name", name).query(String.class).single())
                .isEqualTo(accepted.display());
        assertThat(jdbc.sql("select catalog_name_key(:name)").param("name", name).query(String.class).single())
                .isEqualTo(accepted.key());
    }
}
