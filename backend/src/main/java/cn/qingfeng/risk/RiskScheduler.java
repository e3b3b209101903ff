package cn.qingfeng.risk;

import cn.qingfeng.journal.Changes;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hibernate.cfg.AvailableSettings;
import org.jboss.logging.Logger;

/**
 * Flags each review or report that passed its due time undone, once: an event the journal's
 * readers (audit, to-dos, outbound) see. Safe with several instances: rows are claimed with
 * FOR UPDATE SKIP LOCKED and the flag is written on the row.
 */
@ApplicationScoped
public class RiskScheduler {

    private static final Logger LOG = Logger.getLogger(RiskScheduler.class);
    static final int BATCH = 200;

    @Inject
    RiskRepository risks;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Scheduled(every = "${qingfeng.risks.scheduler-interval}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (flagMissed() == BATCH) {
            // more to do
        }
    }

    /** Flags a batch of missed obligations; answers how many. */
    @Transactional
    public int flagMissed() {
        Instant now = clock.instant();
        List<RiskObligationEntity> missed = risks.claimMissed(now, BATCH);
        for (RiskObligationEntity o : missed) {
            o.missedFlaggedAt = now;
            ledger.record(RiskLifecycle.FLAG_MISSED, o.kind == ObligationKind.REVIEW ? "risk.review-missed" : "risk.report-missing",
                    risks.find(o.riskId, DataScope.everything(), false).orElseThrow(),
                    Changes.of().set("obligationId", o.id).set("dueOn", o.dueOn).set("dueAt", o.dueAt));
        }
        if (!missed.isEmpty()) {
            LOG.infof("flagged %d missed risk reviews/reports", missed.size());
        }
        return missed.size();
    }
}
