package shop.commerce.support.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the rest of the current transaction off sequential scans.
 * <p>
 * Queries on tables that grow without bound (the outbox, orders) must stay index-driven whatever
 * the planner's statistics say: a database whose tables are never analyzed (autovacuum off), or a
 * generic plan cached while a table was empty, would otherwise scan the whole table on every run.
 * The setting ends with the transaction.
 */
@Component
public class IndexScans {

    private final JdbcClient jdbc;

    IndexScans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void only() {
        jdbc.sql("set local enable_seqscan = off").update();
    }
}
