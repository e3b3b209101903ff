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
        Page<EventView> result = pager.page(q, page, SORT, "-seq").map(EventView::of);
        journal.record("journal.read", "journal", null, null, Changes.of()
                .set("filters", f.asMap())
                .set("returned", result.items().size()));
        return result;
    }

    /** The events of one record, oldest first (a record's timeline); callers check the record's scope. */
    public Page<EventView> timeline(String entityType, String entityId, PageParams page) {
        ListQuery<EventEntity> q = ListQuery.unscoped(em, EventEntity.class)
                .where("e.entityType = :entityType", "entityType", entityType)
                .where("e.entityId = :entityId", "entityId", entityId);
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
