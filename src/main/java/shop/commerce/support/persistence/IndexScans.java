package shop.commerce.support.persistence;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs one piece of work on ordered index scans: no sequential scan, no bitmap scan of a whole
 * index, no sort where an index gives the order; afterwards the transaction's settings are what
 * they were before, so they never reach the work that follows (another module's, for example).
 * <p>
 * Queries on tables that grow without bound (the outbox, orders) must stay index-driven whatever
 * the planner's statistics say: on a database whose tables are never analyzed (autovacuum off), a
 * generic plan cached while a table was empty read every unpublished outbox row once per
 * unpublished row, and one relay claim ran for 70 s.
 */
@Component
public class IndexScans {

    private final JdbcClient jdbc;

    IndexScans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <T> T during(Supplier<T> work) {
        Map<String, Object> previous = jdbc.sql("""
                with previous as materialized (
                    select current_setting('enable_seqscan') as seqscan,
                           current_setting('enable_bitmapscan') as bitmapscan,
                           current_setting('enable_sort') as sort
                )
                select p.*, set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
                       set_config('enable_sort', 'off', true)
                  from previous p
                """).query().singleRow();
        try {
            return work.get();
        } finally {
            jdbc.sql("""
                    select set_config('enable_seqscan', :seqscan, true), set_config('enable_bitmapscan', :bitmapscan, true),
                           set_config('enable_sort', :sort, true)
                    """)
                    .param("seqscan", previous.get("seqscan")).param("bitmapscan", previous.get("bitmapscan"))
                    .param("sort", previous.get("sort"))
                    .query().singleRow();
        }
    }
}
