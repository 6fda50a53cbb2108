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
 * The relay's claim must stay index-driven whatever the statistics say. One bad case stalled the
 * relay for 70 s on a backlog: a generic plan made while the outbox is empty and never analyzed.
 * The other is statistics that say an order has many events: the oldest event of a candidate's
 * order was then looked for by walking the id index from its start. Either way, the plan must read
 * the unpublished rows through their partial index in id order and find each candidate's oldest
 * event by one probe of the {@code (order_id, id)} index.
 */
class OutboxClaimPlanIntegrationTest extends IntegrationTestSupport {

    private static final String ORDER_PROBE = "idx_data_platform_outbox_unpublished_order on data_platform_outbox"
            + " first[^\\n]*\\n[^\\n]*Index Cond: \\(\\(order_id >= \\(c\\.order_id\\)";

    @Autowired
    private IndexScans indexScans;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void aGenericPlanOnAnEmptyOutboxProbesTheIndexesInsteadOfScanningTheBacklog() {
        String plan = genericClaimPlan();

        assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Bitmap Heap Scan").doesNotContain("Sort");
        assertThat(plan).contains("Index Scan using idx_data_platform_outbox_unpublished on data_platform_outbox c");
        assertThat(plan).containsPattern(ORDER_PROBE);
    }

    @Test
    void statisticsOfManyEventsPerOrderStillProbeTheOrderIndex() {
        jdbc.sql("""
                insert into data_platform_outbox (event_id, event_type, order_id, payload, created_at)
                select gen_random_uuid(), 'ORDER_PAID', 'order-' || (g % 5), '{}', now()
                  from generate_series(1, 2000) g
                """).update();
        jdbc.sql("analyze data_platform_outbox").update();

        String plan = genericClaimPlan();

        assertThat(plan).doesNotContain("Seq Scan").doesNotContain("Bitmap Heap Scan").doesNotContain("Sort");
        assertThat(plan).containsPattern(ORDER_PROBE);
        assertThat(plan).doesNotContain("idx_data_platform_outbox_unpublished on data_platform_outbox first");
    }

    private String genericClaimPlan() {
        return new TransactionTemplate(transactionManager).execute(status -> {
            List<String> lines = indexScans.during(() -> {
                jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
                jdbc.sql("prepare claim_plan(timestamptz, timestamptz, integer) as " + JdbcOutboxRepository.CLAIM
                        .replace(":now", "$1").replace(":leaseUntil", "$2").replace(":limit", "$3")).update();
                List<String> explained = jdbc.sql("explain execute claim_plan(now(), now() + interval '30 seconds', 100)")
                        .query(String.class).list();
                jdbc.sql("deallocate claim_plan").update();
                return explained;
            });
            status.setRollbackOnly();
            return String.join("\n", lines);
        });
    }
}
