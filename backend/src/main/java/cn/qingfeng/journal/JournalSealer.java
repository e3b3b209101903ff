package cn.qingfeng.journal;

import cn.qingfeng.common.config.QingfengConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Chains committed journal events into the hash chain, after the fact, so writers never wait on it.
 *
 * <p>Only events of transactions older than the oldest still running one are sealed
 * ({@code tx_id < pg_snapshot_xmin}): such an event can no longer be joined by an earlier,
 * still-uncommitted one. An advisory lock keeps one sealer at a time across all instances.
 */
@ApplicationScoped
public class JournalSealer {

    private static final Logger LOG = Logger.getLogger(JournalSealer.class);
    /** Advisory lock key: "QFSEAL". */
    private static final long LOCK = 0x5146_5345_414CL;

    @Inject
    EntityManager em;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${qingfeng.journal.sealer-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sealed;
        do {
            sealed = sealBatch();
        } while (sealed == config.journal().sealerBatchSize());
    }

    /** Seals up to one batch of events; answers how many. */
    @Transactional
    public int sealBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery("select position, hash from event_seal order by position desc limit 1")
                .getResultList();
        long position = last.isEmpty() ? 0 : ((Number) last.get(0)[0]).longValue();
        String previous = last.isEmpty() ? ChainHasher.GENESIS : (String) last.get(0)[1];

        // Every transaction older than xmin is over: its events are all visible now and final.
        // Those of transactions older than sealed_below were sealed by an earlier run.
        Object xmin = em.createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text").getSingleResult();
        Object sealedBelow = em.createNativeQuery("select sealed_below::text from journal_sealer_state where id = 1")
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + ChainHasher.COLUMNS + " from event e"
                        + " where e.tx_id >= cast(:below as xid8) and e.tx_id < cast(:xmin as xid8)"
                        + " and not exists (select 1 from event_seal s where s.event_seq = e.seq)"
                        + " order by e.seq limit :batch")
                .setParameter("below", sealedBelow)
                .setParameter("xmin", xmin)
                .setParameter("batch", config.journal().sealerBatchSize())
                .getResultList();
        for (Object[] row : rows) {
            String hash = ChainHasher.hash(previous, row);
            position++;
            em.createNativeQuery("insert into event_seal (position, event_seq, prev_hash, hash, sealed_at)"
                            + " values (:position, :seq, :prev, :hash, :at)")
                    .setParameter("position", position)
                    .setParameter("seq", ((Number) row[0]).longValue())
                    .setParameter("prev", previous)
                    .setParameter("hash", hash)
                    .setParameter("at", clock.instant())
                    .executeUpdate();
            previous = hash;
        }
        if (rows.size() < config.journal().sealerBatchSize()) {
            em.createNativeQuery("update journal_sealer_state set sealed_below = cast(:xmin as xid8) where id = 1")
                    .setParameter("xmin", xmin).executeUpdate();
        }
        if (!rows.isEmpty()) {
            LOG.debugf("sealed %d journal events up to position %d", rows.size(), position);
        }
        return rows.size();
    }
}
