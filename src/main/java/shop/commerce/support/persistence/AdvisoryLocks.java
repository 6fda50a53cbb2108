package shop.commerce.support.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * PostgreSQL advisory locks scoped to the current transaction: released by commit, rollback or
 * the death of the connection, so no crash can leave one behind.
 */
@Component
public class AdvisoryLocks {

    private final JdbcClient jdbc;

    AdvisoryLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the named lock for the rest of the transaction, waiting while another transaction holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String name) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .param("name", name)
                .query((rs, n) -> 1).single();
    }

    /** Takes the named lock for the rest of the transaction; false at once when another holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryLock(String name) {
        return jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
                .param("name", name)
                .query(Boolean.class).single();
    }
}
