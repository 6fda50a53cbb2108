package shop.commerce.dataplatform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import shop.commerce.support.persistence.IndexScans;
import shop.commerce.testing.IntegrationTestSupport;

/**
 * The relay's claim must stay index-driven whatever the statistics say. The worst case is the one
 * that stalled the relay for 70 s on a backlog: a generic plan made while the outbox is empty and
 * never analyzed. Such a plan must read the unpublished rows through their partial index in id
 * order and find each candidate's oldest event by an index probe on its order id.
 */
class OutboxClaimPlanIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private IndexScans indexScans;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void aGenericPlanOnAnEmptyOutboxProbesTheIndexesInsteadOfScanningTheBacklog() {
        String plan = new TransactionTemplate(transactionManager).execute(status -> {
            indexScans.only();
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            jdbc.sql("prepare claim_plan(timestamptz, timestamptz, integer) as " + JdbcOutboxRepository.CLAIM
                    .replace(":now", "$1").replace(":leaseUntil", "$2").replace(":limit", "$3")).update();
            List<String> lines = jdbc.sql("explain execute claim_plan(now(), now() + interval '30 seconds', 100)")
                    .query(String.class).list();
            jdbc.sql("deallocate claim_plan").update();
            status.setRollbackOnly();
            return String.join("\n", lines);
        });

        assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Bitmap Heap Scan").doesNotContain("Sort");
        assertThat(plan).contains("Index Scan using idx_data_platform_outbox_unpublished on data_platform_outbox c");
        assertThat(plan).containsPattern("idx_data_platform_outbox_unpublished_order on data_platform_outbox first"
                + "[^\\n]*\\n[^\\n]*Index Cond: \\(order_id = \\(c\\.order_id\\)");
    }
}
