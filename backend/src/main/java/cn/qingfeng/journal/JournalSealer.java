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
 * <p>Every event is queued ({@code event_unsealed}) in the transaction that writes it. The sealer
 * chains the queued events it can see — committed ones — in the order it sees them, and takes
 * them off the queue in the same transaction. Nothing it does waits for other transactions: an
 * event of one still running is sealed once it commits, at a later position. An advisory lock
 * keeps one sealer at a time across all instances.
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + ChainHasher.COLUMNS + " from event_unsealed u"
                        + " join event e on e.seq = u.event_seq order by e.seq limit :batch")
                .setParameter("batch", config.journal().sealerBatchSize())
                .getResultList();
        List<Long> sealed = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            String hash = ChainHasher.hash(previous, row);
            position++;
            long seq = ((Number) row[0]).longValue();
            em.createNativeQuery("insert into event_seal (position, event_seq, prev_hash, hash, sealed_at)"
                            + " values (:position, :seq, :prev, :hash, :at)")
                    .setParameter("position", position)
                    .setParameter("seq", seq)
                    .setParameter("prev", previous)
                    .setParameter("hash", hash)
                    .setParameter("at", clock.instant())
                    .executeUpdate();
            previous = hash;
            sealed.add(seq);
        }
        if (!sealed.isEmpty()) {
            em.createNativeQuery("delete from event_unsealed where event_seq in (:seqs)").setParameter("seqs", sealed).executeUpdate();
            LOG.debugf("sealed %d journal events up to position %d", rows.size(), position);
        }
        return rows.size();
    }
}
