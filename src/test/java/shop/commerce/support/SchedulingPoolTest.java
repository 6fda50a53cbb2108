package shop.commerce.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import shop.commerce.testing.IntegrationTestSupport;

/** Each @Scheduled job has a thread of its own, so one long run cannot hold up the others. */
class SchedulingPoolTest extends IntegrationTestSupport {

    @Autowired
    ThreadPoolTaskScheduler taskScheduler;

    @Autowired
    List<ScheduledTaskHolder> holders;

    @Test
    void theSchedulerHasAThreadForEveryScheduledJob() {
        List<String> jobs = holders.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable().toString()).distinct().toList();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(4);
        assertThat(taskScheduler.getPoolSize()).as("jobs: %s", jobs).isGreaterThanOrEqualTo(jobs.size());
    }
}
