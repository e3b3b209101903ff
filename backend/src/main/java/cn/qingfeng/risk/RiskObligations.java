package cn.qingfeng.risk;

import cn.qingfeng.common.config.QingfengConfig;
import cn.qingfeng.common.time.AppClock;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What a unit owes on a risk: the next review (研判) by a date, and a report to the bureau within
 * the configured time once the risk is raised to 重大. The risk's next review date and its open
 * review obligation are kept equal here, and only here.
 */
@ApplicationScoped
public class RiskObligations {

    /** The obligations' name in the kept counts (V15). */
    static final String LEDGER = "obligation";


    @Inject
    RiskRepository risks;

    @Inject
    Ledger ledger;

    @Inject
    QingfengConfig config;

    @Inject
    Clock clock;

    /** The cycle in force: the risk's own, else the configured default of its level. */
    public ReviewCycle cycleOf(RiskEntity r) {
        if (r.reviewCycleOverride != null) {
            return r.reviewCycleOverride;
        }
        return r.level == null ? null : defaultCycle(r.level);
    }

    public ReviewCycle defaultCycle(Level level) {
        QingfengConfig.Risks c = config.risks();
        return ReviewCycle.valueOf(switch (level) {
            case MAJOR -> c.reviewCycleMajor();
            case SIGNIFICANT -> c.reviewCycleSignificant();
            case GENERAL -> c.reviewCycleGeneral();
            case LOW -> c.reviewCycleLow();
        });
    }

    /** A review is due by the end of its day in Asia/Shanghai. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(AppClock.ZONE).toInstant();
    }

    /** Sets the next review date and moves (or opens) the review obligation with it. */
    public void scheduleReview(RiskEntity r, LocalDate next) {
        RiskObligationEntity open = risks.openObligation(r.id, ObligationKind.REVIEW).orElse(null);
        if (open != null && open.state(clock.instant()) == ObligationState.MISSING) {
            // A missed review stays missed: regrading or a new cycle does not move its date.
            r.nextReviewOn = open.dueOn;
            return;
        }
        LocalDate before = r.nextReviewOn;
        r.nextReviewOn = next;
        if (open == null) {
            open(r, ObligationKind.REVIEW, next, endOf(next));
        } else if (!open.dueOn.equals(next)) {
            open.dueOn = next;
            open.dueAt = endOf(next);
        }
        if (before == null || !before.equals(next)) {
            ledger.record(RiskLifecycle.OBLIGATIONS, "risk.review-scheduled", r, Changes.of().field("nextReviewOn", before, next).set("cycle", cycleOf(r)));
        }
    }

    /**
     * The next review by the cycle in force, counted from the last review (or today), but never
     * before today: a shorter cycle or a back-dated review makes a review due now, not one missed already.
     */
    public LocalDate nextByCycle(RiskEntity r, LocalDate today) {
        LocalDate byCycle = (r.lastReviewedOn != null ? r.lastReviewedOn : today).plusMonths(cycleOf(r).months);
        return byCycle.isBefore(today) ? today : byCycle;
    }

    /** After a grade change: a shorter cycle brings the next review forward; a longer one never postpones it. */
    public void rescheduleAfterGrading(RiskEntity r, LocalDate today) {
        ReviewCycle cycle = cycleOf(r);
        if (cycle == null || r.status == RiskEnums.Status.CLOSED) {
            return;
        }
        LocalDate byCycle = nextByCycle(r, today);
        scheduleReview(r, r.nextReviewOn == null || byCycle.isBefore(r.nextReviewOn) ? byCycle : r.nextReviewOn);
    }

    /** Marks the open obligation of this kind done by {@code fulfilmentId}; answers it, or null if none was open. */
    public RiskObligationEntity fulfil(RiskEntity r, ObligationKind kind, UUID fulfilmentId, String byName) {
        RiskObligationEntity open = risks.openObligation(r.id, kind).orElse(null);
        if (open == null) {
            return null;
        }
        open.fulfilledAt = clock.instant();
        open.fulfilledByName = byName;
        open.fulfilmentId = fulfilmentId;
        ObligationState state = open.state(open.fulfilledAt);
        ledger.record(RiskLifecycle.OBLIGATIONS, "risk.obligation-" + (state == ObligationState.LATE ? "late" : "met"), r,
                Changes.of().set("obligationId", open.id).set("kind", kind).set("dueAt", open.dueAt).set("fulfilledAt", open.fulfilledAt));
        return open;
    }

    /** A risk raised to 重大 owes the bureau a report within the configured time (one open at a time). */
    public void onLevelChange(RiskEntity r, Level before, Level after) {
        if (after == Level.MAJOR && before != Level.MAJOR && risks.openObligation(r.id, ObligationKind.REPORT).isEmpty()) {
            Instant due = clock.instant().plus(config.risks().reportWithin());
            RiskObligationEntity o = open(r, ObligationKind.REPORT, due.atZone(AppClock.ZONE).toLocalDate(), due);
            ledger.record(RiskLifecycle.OBLIGATIONS, "risk.report-required", r, Changes.of().set("obligationId", o.id).set("dueAt", due).field("level", before, after));
        }
    }

    /** Closing a risk ends its review schedule; a report still owed stays owed. */
    public void onClose(RiskEntity r, String reason) {
        risks.openObligation(r.id, ObligationKind.REVIEW).ifPresent(o -> {
            if (o.state(clock.instant()) == ObligationState.PENDING) {
                o.cancelledAt = clock.instant();
                o.cancelReason = reason;
            }
        });
        r.nextReviewOn = null;
    }

    private RiskObligationEntity open(RiskEntity r, ObligationKind kind, LocalDate dueOn, Instant dueAt) {
        RiskObligationEntity o = new RiskObligationEntity();
        o.id = UUID.randomUUID();
        o.riskId = r.id;
        o.unitId = r.unitId;
        o.kind = kind;
        o.dueOn = dueOn;
        o.dueAt = dueAt;
        o.createdAt = clock.instant();
        risks.persist(o);
        return o;
    }

    /** JPQL condition for obligations in one state at {@code now} (same rule as the entity's {@code state}). */
    public static String stateCondition(ObligationState state) {
        return switch (state) {
            case CANCELLED -> "e.cancelledAt is not null";
            case MET -> "e.cancelledAt is null and e.fulfilledAt is not null and e.fulfilledAt <= e.dueAt";
            case LATE -> "e.cancelledAt is null and e.fulfilledAt is not null and e.fulfilledAt > e.dueAt";
            case MISSING -> "e.fulfilledAt is null and e.cancelledAt is null and e.dueAt < :stateNow";
            case PENDING -> "e.fulfilledAt is null and e.cancelledAt is null and e.dueAt >= :stateNow";
        };
    }

    /** The parameters of every state's condition at {@code now} (for a select that tells several states apart). */
    public static Map<String, Object> stateParams(Instant now) {
        return Map.of("stateNow", now);
    }

    static Map<String, Object> stateParams(ObligationState state, Instant now) {
        return state == ObligationState.MISSING || state == ObligationState.PENDING ? Map.of("stateNow", now) : Map.of();
    }
}
