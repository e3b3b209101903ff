package cn.qingfeng.risk;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.tally.MonthSplit;
import cn.qingfeng.common.tally.Tally;
import cn.qingfeng.common.time.AppClock;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.measure.MeasureOwnerType;
import cn.qingfeng.measure.MeasureStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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

    /** The states a summary counts, in the order of its columns (cancelled ones are left out). */
    private static final List<ObligationState> SUMMARY_STATES =
            List.of(ObligationState.MET, ObligationState.LATE, ObligationState.MISSING, ObligationState.PENDING);

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
    Tally tally;

    @Inject
    JournalService journal;

    @Inject
    Clock clock;

    public Page<RiskView> list(RiskFilter f, PageParams page) {
        ListQuery<RiskEntity> q = query(f);
        Page<RiskEntity> result = pager.page(q, page, SORT, "-createdAt", keptTotal(f));
        return result.with(service.views(result.items()));
    }

    /** The list's total from the kept counts, when its filters are ones they keep (levels: inherent ones). */
    private Supplier<Long> keptTotal(RiskFilter f) {
        if (f.q != null || f.reviewState != null || f.likelihood != null || f.impact != null || f.graded != null
                || Boolean.TRUE.equals(f.subtree) || f.open != null || f.levelChangedFrom != null || f.levelChangedTo != null
                || f.measuresDoneFrom != null || f.measuresDoneTo != null
                || f.externalSource != null || f.externalRef != null || f.level != null && f.basis == Basis.RESIDUAL) {
            return null;
        }
        Map<String, Object> dims = new LinkedHashMap<>();
        dims.put("status", f.status);
        dims.put("level", f.level);
        dims.put("category", f.category);
        return tally.listTotal(RiskService.ENTITY, scope.current(), f.unitId, dims);
    }

    /** Risks per likelihood × impact cell, under the list's filters (the cell itself aside). */
    public Heatmap heatmap(RiskFilter f) {
        Basis basis = f.basis == null ? Basis.INHERENT : f.basis;
        String l = basis == Basis.RESIDUAL ? "e.residualLikelihood" : "e.likelihood";
        String i = basis == Basis.RESIDUAL ? "e.residualImpact" : "e.impact";
        long[][] counts = new long[RiskMatrix.SCALE + 1][RiskMatrix.SCALE + 1];
        long total = 0;
        long ungraded = 0;
        if (keptCells(f)) {
            // The whole map (or one unit's) from the kept counts: "o 3:4" open, "x 3:4" closed, "-" ungraded.
            boolean withClosed = Boolean.TRUE.equals(f.includeClosed);
            for (Tally.Count c : tally.counts(RiskService.ENTITY, basis == Basis.RESIDUAL ? "rcell" : "cell",
                    Tally.TIMELESS, Tally.TIMELESS, scope.current(), f.unitId)) {
                if (c.value().startsWith("x") && !withClosed) {
                    continue;
                }
                String cell = c.value().substring(2);
                if (cell.equals("-")) {
                    ungraded += c.n();
                } else {
                    counts[cell.charAt(0) - '0'][cell.charAt(2) - '0'] += c.n();
                    total += c.n();
                }
            }
        } else {
            ListQuery<RiskEntity> q = filtered(f, false);
            withoutClosedByDefault(q, f);
            for (Object[] row : q.grouped(l + ", " + i + ", count(e)", l + ", " + i)) {
                long n = ((Number) row[2]).longValue();
                if (row[0] == null || row[1] == null) {
                    ungraded += n;
                } else {
                    counts[((Number) row[0]).intValue()][((Number) row[1]).intValue()] += n;
                    total += n;
                }
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

    /** Whether the heat map's filters are ones the kept cell counts answer: none, or one unit. */
    private static boolean keptCells(RiskFilter f) {
        return f.level == null && f.category == null && f.status == null && f.q == null && f.graded == null
                && !Boolean.TRUE.equals(f.subtree) && f.open == null && f.levelChangedFrom == null && f.levelChangedTo == null
                && f.measuresDoneFrom == null && f.measuresDoneTo == null
                && f.reviewState == null && f.externalSource == null && f.externalRef == null;
    }

    /** The list's rows as a query: what a statistic counts is what its drill-down lists. */
    public ListQuery<RiskEntity> query(RiskFilter f) {
        return filtered(f, true);
    }

    private ListQuery<RiskEntity> filtered(RiskFilter f, boolean withCell) {
        Basis basis = f.basis == null ? Basis.INHERENT : f.basis;
        boolean residual = basis == Basis.RESIDUAL;
        ListQuery<RiskEntity> q = risks.risks(scope.current())
                .whereIf(f.level, residual ? "e.residualLevel = :level" : "e.level = :level", "level")
                .whereIf(f.category, "e.category = :category", "category")
                .unit("e.unitId", f.unitId, f.subtree)
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
        if (Boolean.TRUE.equals(f.open)) {
            q.where("e.status <> :openNotClosed", "openNotClosed", Status.CLOSED);
        }
        if (f.graded != null) {
            q.where(f.graded ? "e.level is not null" : "e.level is null");
        }
        if (f.levelChangedFrom != null || f.levelChangedTo != null) {
            q.where("exists (select 1 from RiskGradingEntity g where g.riskId = e.id and g.previousLevel is not null"
                    + " and g.previousLevel <> g.level" + q.days("g.gradedAt", f.levelChangedFrom, f.levelChangedTo, "changed") + ")");
        }
        if (f.measuresDoneFrom != null || f.measuresDoneTo != null) {
            q.where("exists (select 1 from MeasureEntity m where m.ownerType = :riskOwner and m.ownerId = e.id and m.status = :measureDone"
                    + q.days("m.doneAt", f.measuresDoneFrom, f.measuresDoneTo, "measured") + ")",
                    Map.of("riskOwner", MeasureOwnerType.RISK, "measureDone", MeasureStatus.DONE));
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

    /** The obligations list's rows as a query: what a statistic counts is what its drill-down lists. */
    public ListQuery<RiskObligationEntity> obligationQuery(RiskObligationFilter f) {
        ListQuery<RiskObligationEntity> q = risks.obligations(scope.current())
                .unit("e.unitId", f.unitId, f.subtree)
                .whereIf(f.riskId, "e.riskId = :riskId", "riskId")
                .whereIf(f.kind, "e.kind = :kind", "kind")
                .whereIf(f.from, "e.dueOn >= :from", "from")
                .whereIf(f.to, "e.dueOn <= :to", "to");
        if (f.state != null) {
            q.where(RiskObligations.stateCondition(f.state), RiskObligations.stateParams(f.state, clock.instant()));
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
    public Page<RiskObligationView> obligations(RiskObligationFilter f, PageParams page) {
        Instant now = clock.instant();
        Page<RiskObligationEntity> result = pager.page(obligationQuery(f), page, OBLIGATION_SORT, "dueAt");
        List<RiskObligationEntity> items = result.items();
        Map<UUID, UnitRef> unitRefs = units.refs(items.stream().map(o -> o.unitId).distinct().toList());
        Map<UUID, RiskRef> riskRefs = new HashMap<>();
        risks.byIds(items.stream().map(o -> o.riskId).distinct().toList()).forEach((id, r) -> riskRefs.put(id, mapper.ref(r)));
        return result.with(items.stream().map(o -> mapper.obligation(o, riskRefs.get(o.riskId), unitRefs.get(o.unitId),
                o.state(now))).toList());
    }

    /** Per unit and kind: obligations due in the period and how they stand now. Cancelled ones are left out. */
    public ObligationSummary summary(LocalDate from, LocalDate to, UUID unitId, ObligationKind kind) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalidField("to", "请给出有效的统计区间 from ≤ to");
        }
        Instant now = clock.instant();
        Map<List<Object>, long[]> byUnitKind = new LinkedHashMap<>();
        // Kept counts by due day. An open obligation due before today is missing (due by the start
        // of today at the latest), one due after today pending; today's are told from the rows
        // (and yesterday's too at the very instant today began).
        LocalDate today = LocalDate.ofInstant(now, AppClock.ZONE);
        LocalDate rowsFrom = now.equals(today.atStartOfDay(AppClock.ZONE).toInstant()) ? today.minusDays(1) : today;
        List<MonthSplit.Range> kept = new ArrayList<>();
        List<MonthSplit.Range> fromRows = new ArrayList<>();
        if (from.isBefore(rowsFrom)) {
            kept.add(new MonthSplit.Range(from, to.isBefore(rowsFrom) ? to : rowsFrom.minusDays(1)));
        }
        if (to.isAfter(today)) {
            kept.add(new MonthSplit.Range(from.isAfter(today) ? from : today.plusDays(1), to));
        }
        if (!from.isAfter(today) && !to.isBefore(rowsFrom)) {
            fromRows.add(new MonthSplit.Range(from.isAfter(rowsFrom) ? from : rowsFrom, to.isBefore(today) ? to : today));
        }
        for (MonthSplit.Range m : kept) {
            boolean past = m.to().isBefore(rowsFrom);
            for (Tally.Count c : tally.counts(RiskObligations.LEDGER, "state", m.from(), m.to(), scope.current(), unitId)) {
                String[] kindState = c.value().split(" ");
                ObligationKind k = ObligationKind.valueOf(kindState[0]);
                if (kind != null && kind != k || kindState[1].equals("CANCELLED")) {
                    continue;
                }
                ObligationState state = kindState[1].equals("OPEN") ? (past ? ObligationState.MISSING : ObligationState.PENDING)
                        : ObligationState.valueOf(kindState[1]);
                byUnitKind.computeIfAbsent(List.of(c.unitId(), k), x -> new long[4])[SUMMARY_STATES.indexOf(state)] += c.n();
            }
        }
        for (MonthSplit.Range d : fromRows) {
            // The list's scoped query and the states' own conditions: the counts cannot drift from the list.
            ListQuery<RiskObligationEntity> q = risks.obligations(scope.current())
                    .where("e.cancelledAt is null")
                    .where("e.dueOn >= :from", "from", d.from())
                    .where("e.dueOn <= :to", "to", d.to())
                    .whereIf(unitId, "e.unitId = :unitId", "unitId")
                    .whereIf(kind, "e.kind = :kind", "kind");
            StringBuilder select = new StringBuilder("e.unitId, e.kind");
            for (ObligationState state : SUMMARY_STATES) {
                select.append(", sum(case when ").append(RiskObligations.stateCondition(state)).append(" then 1 else 0 end)");
            }
            for (Object[] r : q.grouped(select.toString(), "e.unitId, e.kind", Map.of("stateNow", now))) {
                long[] c = byUnitKind.computeIfAbsent(List.of(r[0], r[1]), x -> new long[4]);
                for (int j = 0; j < 4; j++) {
                    c[j] += ((Number) r[2 + j]).longValue();
                }
            }
        }
        Map<UUID, UnitRef> refs = units.refs(byUnitKind.keySet().stream().map(k -> (UUID) k.get(0)).distinct().toList());
        List<ObligationCount> counts = new ArrayList<>();
        long met = 0;
        long late = 0;
        long missing = 0;
        long pending = 0;
        for (Map.Entry<List<Object>, long[]> e : byUnitKind.entrySet()) {
            long[] n = e.getValue();
            ObligationCount c = new ObligationCount(refs.get((UUID) e.getKey().get(0)), (ObligationKind) e.getKey().get(1), n[0], n[1], n[2], n[3]);
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
