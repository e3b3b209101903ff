package cn.qingfeng.integration.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Removes keys past their expiry ({@code qingfeng.idempotency.retention} after first use, at least
 * 24 h). Every instance may run it: the delete skips rows another instance is deleting.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    @Inject
    IdempotencyStore store;

    @Scheduled(every = "${qingfeng.idempotency.purge-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int purged = store.purgeExpired();
        if (purged > 0) {
            LOG.debugf("purged %d expired idempotency keys", purged);
        }
    }
}
