package cn.qingfeng.webhook;

import cn.qingfeng.journal.EventEntity;
import cn.qingfeng.journal.JournalListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The transactional outbox: every journal event becomes one delivery row per active subscription
 * that wants its type, in the transaction recording the event — so an event is owed exactly when
 * its change committed. One statement per event, whatever the number of subscriptions.
 */
@ApplicationScoped
public class OutboxFeeder implements JournalListener {

    /** A test event goes only to the subscription it tests. */
    static final String TEST_EVENT = "webhook.test";

    @Inject
    EntityManager em;

    @Override
    public void recorded(EventEntity e) {
        em.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_seq, event_id, event_type, entity_type, entity_id,
                                                      status, attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), s.id, :seq, :eventId, :type, :entityType, :entityId, 'PENDING', 0, :at, :at
                        from webhook_subscription s
                        where s.status = 'ACTIVE'
                          and (cast(:only as uuid) is null or s.id = cast(:only as uuid))
                          and (cardinality(s.event_types) = 0 or :type = any(s.event_types)
                               or exists (select 1 from unnest(s.event_types) p where right(p, 1) = '.' and starts_with(:type, p)))
                        """)
                .setParameter("seq", e.seq)
                .setParameter("eventId", e.id)
                .setParameter("type", e.action)
                .setParameter("entityType", e.entityType)
                .setParameter("entityId", e.entityId)
                .setParameter("at", e.occurredAt)
                .setParameter("only", TEST_EVENT.equals(e.action) ? e.entityId : null)
                .executeUpdate();
    }
}
