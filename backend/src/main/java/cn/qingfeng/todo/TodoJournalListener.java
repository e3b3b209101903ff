package cn.qingfeng.todo;

import cn.qingfeng.journal.EventEntity;
import cn.qingfeng.journal.JournalListener;
import cn.qingfeng.todo.FlowRules.FlowEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.jboss.logging.Logger;

/**
 * Feeds the to-dos from the journal. Each event names the flows it touches (by the ledgers' rules)
 * or the person or unit that changed; they are reconciled once each, just before the change's
 * transaction commits — in it, so the to-dos commit or roll back with the change, and after the
 * last change of the transaction, so a flow is read as the transaction leaves it (a service may
 * still write after its last event) and its receivers get one event, not one per intermediate step.
 * A transaction that rolls back costs nothing beyond noting the ids.
 */
@ApplicationScoped
public class TodoJournalListener implements JournalListener {

    private static final Logger LOG = Logger.getLogger(TodoJournalListener.class);
    private static final Object KEY = new Object();
    /** Above this many flows in one transaction (a bulk import) the session is cleared between batches. */
    private static final int BATCH = 200;

    @Inject
    Instance<FlowRules> allRules;

    @Inject
    TodoReconciler reconciler;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    EntityManager em;

    private volatile Map<String, List<FlowRules>> byEntity;

    @Override
    public void recorded(EventEntity e) {
        String action = e.action;
        // Our own events come back to every listener; files never change what a flow waits on.
        if (action.startsWith("todo.") || action.startsWith("attachment.")) {
            return;
        }
        if ("user.first-seen".equals(action) || "user.profile-changed".equals(action)) {
            pending().people.add(e.entityId);
            return;
        }
        if ("unit.moved".equals(action)) {
            pending().movedUnits.add(UUID.fromString(e.entityId));
            return;
        }
        List<FlowRules> rules = rulesFor(e.entityType);
        if (rules.isEmpty()) {
            return;
        }
        FlowEvent event = new FlowEvent(action, e.entityType, e.entityId);
        for (FlowRules r : rules) {
            for (UUID id : r.touched(event)) {
                pending().flows.add(new FlowKey(r.flowType(), id));
            }
        }
    }

    private List<FlowRules> rulesFor(String entityType) {
        Map<String, List<FlowRules>> m = byEntity;
        if (m == null) {
            m = new HashMap<>();
            for (FlowRules r : allRules) {
                for (String type : r.entityTypes()) {
                    m.computeIfAbsent(type, k -> new ArrayList<>()).add(r);
                }
            }
            byEntity = m;
        }
        return entityType == null ? List.of() : m.getOrDefault(entityType, List.of());
    }

    private Pending pending() {
        Pending p = (Pending) registry.getResource(KEY);
        if (p == null) {
            p = new Pending();
            registry.putResource(KEY, p);
            // Run by the session before it completes: after its own flush, while its connection is still held.
            em.unwrap(SharedSessionContractImplementor.class).getTransactionCompletionCallbacks().registerCallback(p);
        }
        return p;
    }

    record FlowKey(String type, UUID id) {
    }

    /** What one transaction touched, reconciled before it commits. */
    private final class Pending implements TransactionCompletionCallbacks.BeforeCompletionCallback {
        final Set<FlowKey> flows = new LinkedHashSet<>();
        final Set<UUID> movedUnits = new LinkedHashSet<>();
        final Set<String> people = new LinkedHashSet<>();

        @Override
        public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
            try {
                // The session has just been flushed: what this writes is flushed here.
                int n = 0;
                // One order for every transaction (as a person's reconciliation locks them): flows' row locks never cross.
                List<FlowKey> sorted = new ArrayList<>(flows);
                sorted.sort(java.util.Comparator.comparing(FlowKey::type).thenComparing(k -> k.id().toString()));
                for (FlowKey k : sorted) {
                    reconciler.reconcileFlow(k.type(), k.id(), false);
                    if (++n % BATCH == 0) {
                        em.flush();
                        em.clear();
                    }
                }
                for (UUID unit : movedUnits) {
                    reconciler.reconcileUnitMoved(unit);
                }
                for (String subject : people) {
                    reconciler.reconcilePerson(subject);
                }
                em.flush();
            } catch (RuntimeException ex) {
                // The change must not commit without its to-dos: rolled back with them.
                LOG.errorf(ex, "could not reconcile the to-dos of a change; it is rolled back");
                throw ex;
            }
        }
    }
}
