package shop.commerce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tables of the embedded database emptied, as each test expects to find them. */
final class EmptyState {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?(\\w+)");

    private EmptyState() {
    }

    /**
     * Empties every table a test may have used: those holding rows and those whose identity moved
     * (a refused insert takes a number too). Truncating the two or three tables a test wrote is a
     * tenth of the cost of truncating all of them. A background job (relay, sweeper, fold, purges)
     * may move rows into another table meanwhile, so the check runs again until nothing is left.
     */
    static void truncateAllTables(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                select tablename from pg_tables
                 where schemaname = 'public' and tablename <> 'flyway_schema_history'
                """).query(String.class).list();
        String used = tables.stream()
                .map(table -> "select '" + table + "' from (select from " + table + " limit 1) as any_row")
                .collect(Collectors.joining("\n union ", "", """

                 union
                select t.relname
                  from pg_sequences q
                  join pg_class s on s.relname = q.sequencename and s.relkind = 'S'
                  join pg_depend d on d.objid = s.oid and d.refclassid = 'pg_class'::regclass
                  join pg_class t on t.oid = d.refobjid
                 where q.schemaname = 'public' and q.last_value is not null
                """));
        for (int round = 1;; round++) {
            List<String> toEmpty = jdbc.sql(used).query(String.class).list();
            if (toEmpty.isEmpty()) {
                return;
            }
            if (round == 10) {
                throw new IllegalStateException("Tables keep filling up between tests: " + toEmpty);
            }
            truncate(jdbc, toEmpty);
        }
    }

    /**
     * Empties only the tables the capabilities own: those their migrations
     * ({@code V<n>__<capability>_<what>.sql}) create. Emptying two tables is much cheaper than
     * emptying twenty, and a module slice reads no others.
     */
    static void truncateTablesOf(JdbcClient jdbc, Collection<String> capabilities) {
        List<String> tables = new ArrayList<>();
        for (String capability : capabilities) {
            tables.addAll(tablesCreatedBy("classpath:db/migration/V*__" + capability + "_*.sql"));
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("No migration creates a table of " + capabilities);
        }
        truncate(jdbc, tables);
    }

    private static List<String> tablesCreatedBy(String migrations) {
        List<String> tables = new ArrayList<>();
        try {
            for (Resource migration : new PathMatchingResourcePatternResolver().getResources(migrations)) {
                Matcher created = CREATE_TABLE.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
                while (created.find()) {
                    tables.add(created.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /**
     * A truncation takes its tables' locks one by one, so it can deadlock with a background job; the
     * database then aborts one side, and when that side is ours the truncation is simply retried.
     */
    private static void truncate(JdbcClient jdbc, List<String> tables) {
        String truncate = "truncate " + String.join(", ", tables) + " restart identity cascade";
        for (int attempt = 1;; attempt++) {
            try {
                jdbc.sql(truncate).update();
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
            }
        }
    }
}
