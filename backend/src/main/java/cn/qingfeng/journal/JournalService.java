package cn.qingfeng.journal;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** Reading the journal (audit), verifying its chain and applying retention. */
@ApplicationScoped
public class JournalService {

    private static final Logger LOG = Logger.getLogger(JournalService.class);
    private static final List<SortField<EventEntity>> SORT = List.of(
            new SortField<>("seq", "e.seq", Long.class, e -> e.seq));

    @Inject
    EntityManager em;

    @Inject
    Pager pager;

    @Inject
    Journal journal;

    @Inject
    JournalVerifier verifier;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    /** The audit view of the journal; the read itself is journaled (who looked at what). */
    @Transactional
    public Page<EventView> list(EventFilter f, PageParams page) {
        Page<EventView> result = page(f, page);
        journal.record("journal.read", "journal", null, null, Changes.of()
                .set("filters", f.asMap())
                .set("returned", result.items().size()));
        return result;
    }

    /**
     * One page of the audit view, not journaled: for a caller that journals the whole read itself
     * (an export records its filters and row count once, not once per page).
     */
    public Page<EventView> page(EventFilter f, PageParams page) {
        ListQuery<EventEntity> q = ListQuery.unscoped(em, EventEntity.class)
                .whereIf(f.actor, "(e.actorSubject = :actor or e.actorName = :actor)", "actor")
                .whereIf(f.entityType, "e.entityType = :entityType", "entityType")
                .whereIf(f.entityId, "e.entityId = :entityId", "entityId")
                .whereIf(f.unitId, "e.unitId = :unitId", "unitId")
                .whereIf(f.client, "e.client = :client", "client")
                .whereIf(f.from == null ? null : f.from.toInstant(), "e.occurredAt >= :from", "from")
                .whereIf(f.to == null ? null : f.to.toInstant(), "e.occurredAt < :to", "to");
        if (f.action != null && !f.action.isBlank()) {
            if (f.action.endsWith(".")) {
                q.where("e.action like :action", "action", f.action + "%");
            } else {
                q.where("e.action = :action", "action", f.action);
            }
        }
        return pager.page(q, page, SORT, "-seq").map(EventView::of);
    }

    /**
     * Events by their journal position, for a reader that keeps positions (the outbox): absent
     * positions (past retention) are simply missing from the map.
     */
    public java.util.Map<Long, EventView> bySeq(java.util.Collection<Long> seqs) {
        java.util.Map<Long, EventView> out = new java.util.HashMap<>();
        if (seqs.isEmpty()) {
            return out;
        }
        em.createQuery("select e from EventEntity e where e.seq in :seqs", EventEntity.class)
                .setParameter("seqs", seqs).getResultList().forEach(e -> out.put(e.seq, EventView.of(e)));
        return out;
    }

    /**
     * The events of some records, oldest first: a record's timeline, with the records that belong
     * to it (e.g. a task and its assignments). Callers check the records' scope first.
     */
    public Page<EventView> timeline(java.util.Map<String, java.util.List<String>> idsByEntityType, PageParams page) {
        java.util.List<String> ors = new java.util.ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        int i = 0;
        for (var entry : idsByEntityType.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                ors.add("(e.entityType = :type" + i + " and e.entityId in :ids" + i + ")");
                params.put("type" + i, entry.getKey());
                params.put("ids" + i, entry.getValue());
                i++;
            }
        }
        ListQuery<EventEntity> q = ListQuery.unscoped(em, EventEntity.class)
                .where(ors.isEmpty() ? "1 = 0" : "(" + String.join(" or ", ors) + ")", params);
        return pager.page(q, page, SORT, "seq").map(EventView::of);
    }

    @Transactional
    public ChainReport verify() {
        ChainReport report = verifier.verify();
        journal.record("journal.verified", "journal", null, null, Changes.of()
                .set("intact", report.intact())
                .set("checked", report.checked())
                .set("firstBroken", report.firstBroken() == null ? null : report.firstBroken().position()));
        return report;
    }

    /** Retention: removes events older than the configured days; the database refuses less than 180. */
    @Scheduled(cron = "${qingfeng.journal.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void applyRetention() {
        // One instance at a time, so the purge is journaled once.
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(7105003)").getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(config.journal().retentionDays()));
        long removed = ((Number) em.createNativeQuery("select purge_journal(:cutoff)")
                .setParameter("cutoff", cutoff).getSingleResult()).longValue();
        if (removed > 0) {
            LOG.infof("journal retention removed %d events older than %s", removed, cutoff);
            journal.record("journal.purged", "journal", null, null, Changes.of()
                    .set("cutoff", cutoff).set("removed", removed));
        }
    }
}
