package cn.qingfeng.todo;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.warning.Warnings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The to-dos' own scheduled work, safe with several instances. Time alone changes some flows (a
 * deadline passes: overdue; a review comes within the warning days): flows due for a look are
 * claimed with FOR UPDATE SKIP LOCKED and reconciled. And once, on a database from before the
 * to-do records, every open ledger record gets its flow (one instance at a time, by an advisory lock).
 */
@ApplicationScoped
public class TodoSweep {

    private static final Logger LOG = Logger.getLogger(TodoSweep.class);
    static final int BATCH = 200;
    private static final long REBUILD_LOCK = 7105013L;

    @Inject
    EntityManager em;

    @Inject
    TodoReconciler reconciler;

    @Inject
    Instance<FlowRules> allRules;

    @Inject
    Warnings warnings;

    @Inject
    QingfengConfig config;

    @Inject
    ManagedExecutor executor;

    @Scheduled(every = "${qingfeng.todos.sweep-interval}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** A test deployment's clock jumped: the flows it made due are due now, not at the next sweep. */
    void clockMoved(@jakarta.enterprise.event.Observes cn.qingfeng.common.time.ClockMoved e) {
        run();
    }

    /** Reconciles every flow whose day to look again has come; answers how many. */
    public int run() {
        int total = 0;
        for (int i = 0; i < 1000; i++) {
            int n = QuarkusTransaction.requiringNew().call(this::recheckBatch);
            total += n;
            if (n < BATCH) {
                break;
            }
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private int recheckBatch() {
        List<Object[]> due = em.createNativeQuery("select flow_type, flow_id from todo_flow where state = 'OPEN'"
                        + " and recheck_on <= :today order by recheck_on, flow_type, flow_id limit :n for update skip locked")
                .setParameter("today", warnings.today()).setParameter("n", BATCH).getResultList();
        for (Object[] row : due) {
            reconciler.reconcileFlow((String) row[0], (UUID) row[1], true);
        }
        return due.size();
    }

    void onStart(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent start) {
        if (!config.todos().rebuildOnStart()) {
            return;
        }
        // In the background: at a million records the first build takes long, and the API serves
        // meanwhile (records that change get their flows from the change itself).
        executor.runAsync(() -> {
            try {
                int made = rebuild();
                if (made > 0) {
                    LOG.infof("gave %d open ledger records their to-do flows", made);
                }
            } catch (RuntimeException e) {
                // The next start tries again; to-dos of records changed meanwhile are made by their changes.
                LOG.errorf(e, "could not build the to-do flows of existing records");
            }
        });
    }

    /**
     * Open ledger records without a flow (a database from before the to-do records, or a build cut
     * short) get theirs, a batch per transaction under an advisory lock, so instances starting
     * together take turns and none does a record twice. Each batch starts after the last one's
     * ids, so the walk is one pass. Answers how many were made.
     */
    public int rebuild() {
        int made = 0;
        for (FlowRules rules : allRules) {
            UUID after = FlowRules.FIRST;
            while (true) {
                UUID from = after;
                List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
                    em.createNativeQuery("select pg_advisory_xact_lock(" + REBUILD_LOCK + ")").getSingleResult();
                    List<UUID> batch = rules.withoutFlow(from, BATCH);
                    for (UUID id : batch) {
                        reconciler.reconcileFlow(rules.flowType(), id, true);
                    }
                    return batch;
                });
                made += ids.size();
                if (ids.size() < BATCH) {
                    break;
                }
                after = ids.get(ids.size() - 1);
            }
        }
        return made;
    }
}
