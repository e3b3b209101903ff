package cn.qingfeng.risk;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.risk.RiskEnums.Basis;
import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
import cn.qingfeng.risk.RiskEnums.Status;
import cn.qingfeng.risk.RiskViews.Heatmap;
import cn.qingfeng.risk.RiskViews.HeatCell;
import cn.qingfeng.risk.RiskViews.ObligationCount;
import cn.qingfeng.risk.RiskViews.ObligationSummary;
import cn.qingfeng.risk.RiskViews.RiskObligationView;
import cn.qingfeng.risk.RiskViews.RiskRef;
import cn.qingfeng.risk.RiskViews.RiskView;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lists, the heat map, obligations and timelines of the risk ledger, within the caller's scope. */
@ApplicationScoped
public class RiskQueries {

    private static final List<SortField<RiskEntity>> SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, r -> r.createdAt),
            new SortField<>("score", "e.score", Integer.class, r -> r.score),
            new SortField<>("nextReviewOn", "e.nextReviewOn", LocalDate.class, r -> r.nextReviewOn),
            new SortField<>("code", "e.code", String.class, r -> r.code),
            new SortField<>("id", "e.id", UUID.class, r -> r.id));

    private static final List<SortField<RiskObligationEntity>> OBLIGATION_SORT = List.of(
            new SortField<>("dueAt", "e.dueAt", Instant.class, o -> o.dueAt),
            new SortField<>("id", "e.id", UUID.class, o -> o.id));

    @Inject
    RiskRepository risks;

    @Inject
    RiskService service;

    @Inject
    RiskMapper mapper;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    Pager pager;

    @Inject
    Warnings warnings;

    @Inject
    JournalService journal;

    @Inject
    Clock clock;

    public Page<RiskView> list(RiskFilter f, PageParams page) {
        ListQuery<RiskEntity> q = filtered(f, true);
        Page<RiskEntity> result = pager.page(q, page, SORT, "-createdAt");
        return new Page<>(service.views(result.items()), result.nextCursor(), result.total());
    }

    /** Risks per likelihood × impact cell, under the list's filters (the cell itself aside). */
    public Heatmap heatmap(RiskFilter f) {
        Basis basis = f.basis == null ? Basis.INHERENT : f.basis;
        String l = basis == Basis.RESIDUAL ? "e.residualLikelihood" : "e.likelihood";
        String i = basis == Basis.RESIDUAL ? "e.residualImpact" : "e.impact";
        ListQuery<RiskEntity> q = filtered(f, false);
        withoutClosedByDefault(q, f);
        long[][] counts = new long[RiskMatrix.SCALE + 1][RiskMatrix.SCALE + 1];
        long total = 0;
        long ungraded = 0;
        for (Object[] row : q.grouped(l + ", " + i + ", count(e)", l + ", " + i)) {
            long n = ((Number) row[2]).longValue();
            if (row[0] == null || row[1] == null) {
                ungraded += n;
            } else {
                counts[((Number) row[0]).intValue()][((Number) row[1]).intValue()] += n;
                total += n;
            }
        }
        RiskMatrixEntity m = risks.currentMatrix();
        List<HeatCell> cells = new ArrayList<>();
        for (int li = 1; li <= RiskMatrix.SCALE; li++) {
            for (int im = 1; im <= RiskMatrix.SCALE; im++) {
                int score = RiskMatrix.score(li, im);
                cells.add(new HeatCell(li, im, score, m.level(score), counts[li][im]));
            }
        }
        return new Heatmap(basis, m.version, cells, total, ungraded);
    }

    private ListQuery<RiskEntity> filtered(RiskFilter f, boolean withCell) {
        Basis basis = f.basis == null ? Basis.INHERENT : f.basis;
        boolean residual = basis == Basis.RESIDUAL;
        ListQuery<RiskEntity> q = risks.risks(scope.current())
                .whereIf(f.level, residual ? "e.residualLevel = :level" : "e.level = :level", "level")
                .whereIf(f.category, "e.category = :category", "category")
                .whereIf(f.unitId, "e.unitId = :unitId", "unitId")
                .whereIf(f.status, "e.status = :status", "status")
                .whereIf(f.externalSource, "e.externalSource = :externalSource", "externalSource")
                .whereIf(f.externalRef, "e.externalRef = :externalRef", "externalRef")
                .search(f.q, "e.code", "e.name");
        if (withCell) {
            checkScale("likelihood", f.likelihood);
            checkScale("impact", f.impact);
            q.whereIf(f.likelihood, residual ? "e.residualLikelihood = :likelihood" : "e.likelihood = :likelihood", "likelihood")
                    .whereIf(f.impact, residual ? "e.residualImpact = :impact" : "e.impact = :impact", "impact");
            if (f.likelihood != null || f.impact != null) {
                // A heat-map cell lists what the cell counted.
                withoutClosedByDefault(q, f);
            }
        }
        if (f.graded != null) {
            q.where(f.graded ? "e.level is not null" : "e.level is null");
        }
        if (f.reviewState != null) {
            q.where("e.status <> :closedState", "closedState", Status.CLOSED);
            Warnings.Condition c = warnings.condition(switch (f.reviewState) {
                case NONE -> Warning.NONE;
                case GREEN -> Warning.GREEN;
                case YELLOW -> Warning.YELLOW;
                case RED -> Warning.RED;
            }, "e.nextReviewOn");
            q.where(c.clause(), c.params());
        }
        return q;
    }

    /** The heat map leaves closed risks out unless asked for them or for a status. */
    private static void withoutClosedByDefault(ListQuery<RiskEntity> q, RiskFilter f) {
        if (!Boolean.TRUE.equals(f.includeClosed) && f.status == null) {
            q.where("e.status <> :closedStatus", "closedStatus", Status.CLOSED);
        }
    }

    private static void checkScale(String field, Integer value) {
        if (value != null && (value < 1 || value > RiskMatrix.SCALE)) {
            throw ProblemException.invalidField(field, "取值 1–5");
        }
    }

    /** Reviews and reports that were due, filtered by unit, kind, state and due date, oldest due first. */
    public Page<RiskObligationView> obligations(UUID unitId, UUID riskId, ObligationKind kind, ObligationState state,
                                                LocalDate from, LocalDate to, PageParams page) {
        Instant now = clock.instant();
        ListQuery<RiskObligationEntity> q = risks.obligations(scope.current())
                .whereIf(unitId, "e.unitId = :unitId", "unitId")
                .whereIf(riskId, "e.riskId = :riskId", "riskId")
                .whereIf(kind, "e.kind = :kind", "kind")
                .whereIf(from, "e.dueOn >= :from", "from")
                .whereIf(to, "e.dueOn <= :to", "to");
        if (state != null) {
            q.where(RiskObligations.stateCondition(state), RiskObligations.stateParams(state, now));
        }
        Page<RiskObligationEntity> result = pager.page(q, page, OBLIGATION_SORT, "dueAt");
        List<RiskObligationEntity> items = result.items();
        Map<UUID, UnitRef> unitRefs = units.refs(items.stream().map(o -> o.unitId).distinct().toList());
        Map<UUID, RiskRef> riskRefs = new HashMap<>();
        risks.byIds(items.stream().map(o -> o.riskId).distinct().toList()).forEach((id, r) -> riskRefs.put(id, mapper.ref(r)));
        return new Page<>(items.stream().map(o -> mapper.obligation(o, riskRefs.get(o.riskId), unitRefs.get(o.unitId),
                o.state(now))).toList(), result.nextCursor(), result.total());
    }

    /** Per unit and kind: obligations due in the period and how they stand now. Cancelled ones are left out. */
    public ObligationSummary summary(LocalDate from, LocalDate to, UUID unitId, ObligationKind kind) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalidField("to", "请给出有效的统计区间 from ≤ to");
        }
        // The list's scoped query and the states' own conditions: the counts cannot drift from the list.
        ListQuery<RiskObligationEntity> q = risks.obligations(scope.current())
                .where("e.cancelledAt is null")
                .where("e.dueOn >= :from", "from", from)
                .where("e.dueOn <= :to", "to", to)
                .whereIf(unitId, "e.unitId = :unitId", "unitId")
                .whereIf(kind, "e.kind = :kind", "kind");
        StringBuilder select = new StringBuilder("e.unitId, e.kind");
        for (ObligationState state : List.of(ObligationState.MET, ObligationState.LATE, ObligationState.MISSING, ObligationState.PENDING)) {
            select.append(", sum(case when ").append(RiskObligations.stateCondition(state)).append(" then 1 else 0 end)");
        }
        List<Object[]> rows = q.grouped(select.toString(), "e.unitId, e.kind", Map.of("stateNow", clock.instant()));
        Map<UUID, UnitRef> refs = units.refs(rows.stream().map(r -> (UUID) r[0]).distinct().toList());
        List<ObligationCount> counts = new ArrayList<>();
        long met = 0;
        long late = 0;
        long missing = 0;
        long pending = 0;
        for (Object[] r : rows) {
            ObligationCount c = new ObligationCount(refs.get((UUID) r[0]), (ObligationKind) r[1],
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue());
            counts.add(c);
            met += c.met();
            late += c.late();
            missing += c.missing();
            pending += c.pending();
        }
        counts.sort((a, b) -> a.unit().code().compareTo(b.unit().code()) != 0
                ? a.unit().code().compareTo(b.unit().code()) : a.kind().compareTo(b.kind()));
        return new ObligationSummary(from, to, counts, met, late, missing, pending);
    }

    public Page<EventView> timeline(UUID id, PageParams page) {
        service.visible(id);
        return journal.timeline(Map.of(RiskService.ENTITY, List.of(id.toString())), page);
    }
}
