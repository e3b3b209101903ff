package cn.qingfeng.journal;

import cn.qingfeng.common.security.ClientKind;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.web.RequestId;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Writes journal events. Every change of state calls {@link #record} inside its own transaction,
 * so the event commits or rolls back with the change (MANDATORY: there is no event without one).
 */
@ApplicationScoped
public class Journal {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    jakarta.enterprise.inject.Instance<JournalListener> listeners;

    /** Records one event in the caller's transaction and hands it to the listeners; returns the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String action, String entityType, Object entityId, UUID unitId, Changes changes) {
        EventEntity e = new EventEntity();
        e.id = UUID.randomUUID();
        e.occurredAt = clock.instant();
        e.action = action;
        e.entityType = entityType;
        e.entityId = entityId == null ? null : entityId.toString();
        e.unitId = unitId;
        e.changes = changes.asMap();
        e.requestId = RequestId.current().orElse(null);
        if (Arc.container().requestContext().isActive() && currentUser.authenticated()) {
            e.actorSubject = currentUser.subject();
            e.actorName = currentUser.displayName();
            e.client = currentUser.clientKind().name();
            e.clientId = currentUser.clientId().orElse(null);
            if (e.requestId == null) {
                e.requestId = currentUser.correlationId().orElse(null);
            }
        } else {
            e.client = ClientKind.SYSTEM.name();
            e.actorName = "system";
        }
        em.persist(e);
        for (JournalListener l : listeners) {
            l.recorded(e);
        }
        return e.id;
    }
}
