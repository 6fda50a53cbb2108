package shop.commerce.support.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rest of the current transaction on ordered index scans: no sequential scan, no bitmap
 * scan of a whole index, no sort where an index gives the order.
 * <p>
 * Queries on tables that grow without bound (the outbox, orders) must stay index-driven whatever
 * the planner's statistics say: on a database whose tables are never analyzed (autovacuum off), a
 * generic plan cached while a table was empty read every unpublished outbox row once per
 * unpublished row, and one relay claim ran for 70 s. The settings end with the transaction.
 */
@Component
public class IndexScans {

    private final JdbcClient jdbc;

    IndexScans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void only() {
        jdbc.sql("""
                select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
                       set_config('enable_sort', 'off', true)
                """).query().singleRow();
    }
}
