package cn.qingfeng.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Recomputes the hash chain link by link and reports the first link that does not hold. */
@ApplicationScoped
public class JournalVerifier {

    private static final int BATCH = 5000;

    @Inject
    EntityManager em;

    @Transactional
    public ChainReport verify() {
        long checked = 0;
        Long first = null;
        Long lastPosition = null;
        String previous = null;
        ChainReport.BrokenLink broken = null;
        long after = 0;
        while (broken == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select s.position, s.prev_hash, s.hash, s.event_seq, "
                            + ChainHasher.COLUMNS + " from event_seal s left join event e on e.seq = s.event_seq"
                            + " where s.position > :after order by s.position limit " + BATCH)
                    .setParameter("after", after)
                    .getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                long position = ((Number) row[0]).longValue();
                String prevHash = (String) row[1];
                String hash = (String) row[2];
                long seq = ((Number) row[3]).longValue();
                Object[] event = java.util.Arrays.copyOfRange(row, 4, row.length);
                if (first == null) {
                    first = position;
                    previous = anchor(position);
                    if (previous == null) {
                        // Links before this one are gone, and retention did not remove them.
                        broken = new ChainReport.BrokenLink(position, seq, null, "anchor-missing");
                        break;
                    }
                } else if (position != lastPosition + 1) {
                    broken = new ChainReport.BrokenLink(lastPosition + 1, null, null, "position-gap");
                    break;
                }
                String eventId = event[1] == null ? null : event[1].toString();
                if (event[0] == null) {
                    broken = new ChainReport.BrokenLink(position, seq, null, "event-missing");
                } else if (!prevHash.equals(previous)) {
                    broken = new ChainReport.BrokenLink(position, seq, eventId, "prev-hash-mismatch");
                } else if (!ChainHasher.hash(previous, event).equals(hash)) {
                    broken = new ChainReport.BrokenLink(position, seq, eventId, "hash-mismatch");
                }
                if (broken != null) {
                    break;
                }
                previous = hash;
                lastPosition = position;
                checked++;
            }
            after = lastPosition == null ? after : lastPosition;
            if (rows.size() < BATCH) {
                break;
            }
        }
        // Every event is in the chain or waiting in the sealer's queue; one in neither was taken out of it.
        long unsealed = ((Number) em.createNativeQuery("select count(*) from event e"
                + " where not exists (select 1 from event_seal s where s.event_seq = e.seq)"
                + " and not exists (select 1 from event_unsealed u where u.event_seq = e.seq)").getSingleResult()).longValue();
        Object[] queue = (Object[]) em.createNativeQuery("select count(*), min(queued_at) from event_unsealed").getSingleResult();
        long pending = ((Number) queue[0]).longValue();
        java.time.Instant pendingSince = queue[1] == null ? null : toInstant(queue[1]);
        return new ChainReport(broken == null && unsealed == 0, checked, first, lastPosition, unsealed, pending, pendingSince, broken);
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The hash the chain must start from at this position: genesis, or what retention recorded. */
    private String anchor(long position) {
        if (position == 1) {
            return ChainHasher.GENESIS;
        }
        @SuppressWarnings("unchecked")
        List<String> hashes = em.createNativeQuery("select hash from journal_anchor where position = :p")
                .setParameter("p", position - 1).getResultList();
        return hashes.isEmpty() ? null : hashes.get(0);
    }
}
