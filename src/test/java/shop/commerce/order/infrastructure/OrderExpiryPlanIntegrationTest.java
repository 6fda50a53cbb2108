package shop.commerce.order.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.order.domain.OrderRepository;
import shop.commerce.support.persistence.IndexScans;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * The expiry sweep runs every second on every instance: under its index-only settings it must find
 * due orders through the pending-expiry index and fetch their lines by key, never walk order_line.
 */
class OrderExpiryPlanIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private IndexScans indexScans;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private OrderRepository orders;

    @Test
    void theSweepProbesOrderLinesByKeyInsteadOfWalkingTheTable() {
        String plan = new TransactionTemplate(transactionManager).execute(status -> {
            List<String> lines = indexScans.during(() -> {
                jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
                jdbc.sql("prepare sweep_plan(timestamptz, integer, varchar[]) as " + JdbcOrderRepository.EXPIRE_DUE
                        .replace(":now", "$1").replace(":limit", "$2").replace(":skipped", "$3")).update();
                List<String> explained = jdbc.sql("explain execute sweep_plan(now(), 200, '{}')").query(String.class).list();
                jdbc.sql("deallocate sweep_plan").update();
                return explained;
            });
            status.setRollbackOnly();
            return String.join("\n", lines);
        });

        assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Sort");
        assertThat(plan).contains("idx_orders_pending_expiry");
        assertThat(plan).containsPattern("order_line_pkey on order_line l[^\\n]*\\n[^\\n]*Index Cond: \\(\\(?order_id");
    }

    /** The sweeper releases the catalogue's stock in the sweep's transaction: the settings must be gone by then. */
    @Test
    void theSweepsPlannerSettingsEndWithItsStatement() {
        List<String> after = new TransactionTemplate(transactionManager).execute(status -> {
            orders.expireDue(Instant.now(), 10, List.of());
            status.setRollbackOnly();
            return jdbc.sql("select current_setting('enable_seqscan') || current_setting('enable_bitmapscan')"
                    + " || current_setting('enable_sort')").query(String.class).list();
        });

        assertThat(after).containsExactly("ononon");
    }
}
