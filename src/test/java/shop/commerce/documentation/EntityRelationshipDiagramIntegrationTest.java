package shop.commerce.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import shop.commerce.testing.IntegrationTestSupport;

/**
 * The ERD in docs/architecture.md has every table and column of the migrated schema, marks exactly its
 * primary-key and foreign-key columns, and draws one relationship per foreign key.
 */
class EntityRelationshipDiagramIntegrationTest extends IntegrationTestSupport {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final Pattern ENTITY = Pattern.compile("^\\s*(\\w+)\\s*\\{\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*([\\w\\[\\]()]+)\\s+(\\w+)((?:\\s+(?:PK|FK|UK)\\s*,?)*)\\s*(\"[^\"]*\")?\\s*$");
    private static final Pattern RELATIONSHIP = Pattern.compile("^\\s*(\\w+)\\s+\\S*--\\S*\\s+(\\w+)\\s*:.*$");

    @Test
    void theDiagramHasEveryTableColumnAndKeyOfTheMigratedSchema() {
        Map<String, Set<String>> drawnColumns = new TreeMap<>();
        Set<String> drawnKeys = new TreeSet<>();
        Set<String> drawnRelations = new TreeSet<>();
        String entity = null;
        for (String line : MermaidDiagrams.theOne(ARCHITECTURE, "erDiagram")) {
            Matcher start = ENTITY.matcher(line);
            Matcher attribute = ATTRIBUTE.matcher(line);
            Matcher relationship = RELATIONSHIP.matcher(line);
            if (start.matches()) {
                entity = start.group(1);
                drawnColumns.put(entity, new TreeSet<>());
            } else if (line.strip().equals("}")) {
                entity = null;
            } else if (entity != null) {
                assertThat(attribute.matches()).as("ERD attribute line: " + line).isTrue();
                String column = attribute.group(2);
                drawnColumns.get(entity).add(column);
                for (String key : attribute.group(3).replace(",", " ").strip().split("\\s+")) {
                    if (key.equals("PK") || key.equals("FK")) {
                        drawnKeys.add(entity + "." + column + " " + key);
                    }
                }
            } else if (relationship.matches()) {
                drawnRelations.add(pair(relationship.group(1), relationship.group(2)));
            }
        }

        Map<String, Set<String>> columns = new TreeMap<>();
        jdbc.sql("""
                select table_name, column_name from information_schema.columns
                 where table_schema = 'public' and table_name <> 'flyway_schema_history'
                   and table_name in (select table_name from information_schema.tables
                                       where table_schema = 'public' and table_type = 'BASE TABLE')
                """).query((row, n) -> Map.entry(row.getString(1), row.getString(2))).list()
                .forEach(c -> columns.computeIfAbsent(c.getKey(), t -> new TreeSet<>()).add(c.getValue()));
        Set<String> keys = new TreeSet<>(jdbc.sql("""
                select kcu.table_name || '.' || kcu.column_name || ' ' ||
                       case tc.constraint_type when 'PRIMARY KEY' then 'PK' else 'FK' end
                  from information_schema.table_constraints tc
                  join information_schema.key_column_usage kcu
                    on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
                 where tc.table_schema = 'public' and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY')
                   and tc.table_name <> 'flyway_schema_history'
                """).query(String.class).list());
        Set<String> relations = new TreeSet<>();
        jdbc.sql("""
                select cl.relname, ref.relname from pg_constraint c
                  join pg_class cl on cl.oid = c.conrelid
                  join pg_class ref on ref.oid = c.confrelid
                  join pg_namespace ns on ns.oid = cl.relnamespace
                 where c.contype = 'f' and ns.nspname = 'public'
                """).query((row, n) -> pair(row.getString(1), row.getString(2))).list().forEach(relations::add);

        assertThat(columns).as("the migrated schema").isNotEmpty();
        assertThat(drawnColumns).as("tables and columns of the ERD against the migrated schema").isEqualTo(columns);
        assertThat(drawnKeys).as("PK and FK columns of the ERD against the schema's constraints").isEqualTo(keys);
        assertThat(drawnRelations).as("relationships of the ERD against the schema's foreign keys").isEqualTo(relations);
    }

    private static String pair(String one, String other) {
        return one.compareTo(other) <= 0 ? one + " - " + other : other + " - " + one;
    }
}
