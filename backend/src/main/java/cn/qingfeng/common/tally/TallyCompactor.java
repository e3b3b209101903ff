package cn.qingfeng.common.tally;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Keeps the kept counts small: every writer appends +1/−1 rows, so between rounds a key may have
 * many; a round folds them into one. Counts are exact with or without it; it only bounds the rows
 * a reader sums. One instance at a time (advisory lock); the others skip the round.
 */
@ApplicationScoped
public class TallyCompactor {

    @Inject
    Tally tally;

    @Scheduled(every = "${qingfeng.tallies.compact-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        compact();
    }

    /** One round; answers the keys folded, or -1 when another instance holds the round. */
    @Transactional
    public long compact() {
        return tally.lockForCompaction() ? tally.compact() : -1;
    }
}
