package shop.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import shop.commerce.testing.CommittedFiles;

/**
 * Each module names in SQL only the tables it owns; another module's rows are reached by calling
 * that module's function (docs/design.md, "Shape of the code"). The one declaration of who owns
 * what is the ownership table of docs/architecture.md ("Modules and what each owns"); the
 * consistency module is the one reader of every table.
 * <p>
 * A module's SQL is its migrations ({@code V<n>__<module>_*.sql}, {@code R__<module>_*.sql}) and the
 * string literals of its Java classes that talk to the database. Functions that a later versioned
 * migration drops are history, not current SQL, and are left out, as are SQL comments.
 */
class TableOwnershipTest {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/shop/commerce");
    private static final String READER_OF_ALL = "consistency";

    /**
     * Applied versioned migrations stay byte for byte as they are; these two name another module's
     * tables, as history: V33 backfilled the opening stock receipts once from the paid orders' lines,
     * and V35 (named for no module) added a column to support's table and an index to the orders.
     */
    private static final Map<String, Applied> APPLIED_EXCEPTIONS = Map.of(
            "V33__catalog_stock_receipt.sql", new Applied("catalog", Set.of("orders", "order_line")),
            "V35__idempotency_request_digest_and_pending_orders_index.sql", new Applied("support", Set.of("orders")));

    private record Applied(String module, Set<String> alsoNames) {
    }

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (\\w+) \\| ([^|]*) \\|");
    private static final Pattern BACKTICKED = Pattern.compile("`(\\w+)`");
    private static final Pattern MIGRATION = Pattern.compile("(V(\\d+)|R)__([a-z]+)_.*\\.sql");
    private static final Pattern DROPPED_FUNCTION = Pattern.compile("(?i)drop function (?:if exists )?(\\w+)");
    private static final Pattern FUNCTION = Pattern.compile(
            "(?is)create (?:or replace )?function (\\w+)\\s*\\(.*?\\$\\$.*?\\$\\$\\s*;");
    private static final Pattern JAVA_LITERAL = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TALKS_TO_DATABASE = Pattern.compile("Jdbc|@Table|@Query|NativeQuery");

    @Test
    void everyModuleNamesOnlyTheTablesItOwns() {
        Map<String, Set<String>> owned = ownership();
        Map<String, List<String>> violations = new TreeMap<>();
        sqlByModule().forEach((source, text) -> {
            List<String> foreign = new ArrayList<>(foreignTables(owned, source.module(), text));
            foreign.removeAll(source.alsoNames());
            if (!foreign.isEmpty()) {
                violations.put(source.module() + " in " + source.name(), foreign);
            }
        });
        assertThat(violations).as("tables named outside their owner (call the owner's function instead)").isEmpty();
    }

    @Test
    void anotherModulesTableInARepositoryIsFound() {
        assertThat(foreignTables(ownership(), "cart", "select 1 from user_balance")).containsExactly("user_balance");
        assertThat(foreignTables(ownership(), "cart", "delete from cart_item")).isEmpty();
        assertThat(foreignTables(ownership(), READER_OF_ALL, "select 1 from user_balance")).isEmpty();
    }

    @Test
    void everyTableHasOneOwnerAndEveryMigrationAModule() {
        Map<String, Set<String>> owned = ownership();
        List<String> tables = owned.values().stream().flatMap(Set::stream).toList();
        assertThat(tables).doesNotHaveDuplicates().isNotEmpty();
        for (String file : files(MIGRATIONS).map(p -> p.getFileName().toString()).toList()) {
            assertThat(moduleOf(file)).as(file).isIn(owned.keySet());
        }
    }

    private static List<String> foreignTables(Map<String, Set<String>> owned, String module, String sql) {
        if (module.equals(READER_OF_ALL)) {
            return List.of();
        }
        Set<String> found = new TreeSet<>();
        owned.forEach((owner, tables) -> {
            if (!owner.equals(module)) {
                tables.stream().filter(t -> Pattern.compile("\\b" + t + "\\b").matcher(sql).find()).forEach(found::add);
            }
        });
        return List.copyOf(found);
    }

    /** module -> tables, from the ownership table of docs/architecture.md. */
    static Map<String, Set<String>> ownership() {
        Map<String, Set<String>> owned = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : CommittedFiles.read(ARCHITECTURE).lines().toList()) {
            if (line.startsWith("| module | tables |")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (inTable && row.find() && !row.group(1).isBlank()) {
                Set<String> tables = new TreeSet<>();
                Matcher names = BACKTICKED.matcher(row.group(2));
                while (names.find()) {
                    tables.add(names.group(1));
                }
                owned.put(row.group(1), tables);
            }
        }
        return owned;
    }

    private record Source(String name, String module, Set<String> alsoNames) {
    }

    private static Map<Source, String> sqlByModule() {
        Map<Source, String> sql = new LinkedHashMap<>();
        List<Path> migrations = files(MIGRATIONS).toList();
        Map<String, Integer> droppedAt = new LinkedHashMap<>();
        for (Path file : migrations) {
            Matcher version = MIGRATION.matcher(file.getFileName().toString());
            if (version.matches() && version.group(2) != null) {
                Matcher drop = DROPPED_FUNCTION.matcher(CommittedFiles.read(file));
                while (drop.find()) {
                    droppedAt.merge(drop.group(1).toLowerCase(), Integer.parseInt(version.group(2)), Math::max);
                }
            }
        }
        for (Path file : migrations) {
            String name = file.getFileName().toString();
            Matcher version = MIGRATION.matcher(name);
            int at = version.matches() && version.group(2) != null ? Integer.parseInt(version.group(2)) : Integer.MAX_VALUE;
            String text = withoutComments(CommittedFiles.read(file));
            Matcher function = FUNCTION.matcher(text);
            StringBuilder current = new StringBuilder();
            while (function.find()) {
                Integer dropped = droppedAt.get(function.group(1).toLowerCase());
                function.appendReplacement(current, dropped != null && dropped > at ? "" : Matcher.quoteReplacement(function.group()));
            }
            function.appendTail(current);
            Applied applied = APPLIED_EXCEPTIONS.get(name);
            sql.put(new Source(name, moduleOf(name), applied == null ? Set.of() : applied.alsoNames()),
                    current.toString());
        }
        for (String module : ownership().keySet()) {
            Path folder = SOURCES.resolve(module);
            if (Files.isDirectory(folder)) {
                files(folder).filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                    String java = CommittedFiles.read(file);
                    if (TALKS_TO_DATABASE.matcher(java).find()) {
                        sql.put(new Source(SOURCES.relativize(file).toString(), module, Set.of()), literals(java));
                    }
                });
            }
        }
        return sql;
    }

    private static String moduleOf(String migration) {
        Applied applied = APPLIED_EXCEPTIONS.get(migration);
        if (applied != null) {
            return applied.module();
        }
        Matcher name = MIGRATION.matcher(migration);
        return name.matches() ? name.group(3) : migration;
    }

    private static String literals(String java) {
        StringBuilder text = new StringBuilder();
        Matcher literal = JAVA_LITERAL.matcher(java);
        while (literal.find()) {
            text.append(withoutComments(literal.group(1) != null ? literal.group(1) : literal.group(2))).append('\n');
        }
        return text.toString();
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
