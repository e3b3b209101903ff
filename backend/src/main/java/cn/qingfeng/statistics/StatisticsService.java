package cn.qingfeng.statistics;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.time.AppClock;
import cn.qingfeng.rectification.RectificationEnums;
import cn.qingfeng.rectification.RectificationFilter;
import cn.qingfeng.rectification.RectificationQueries;
import cn.qingfeng.risk.RiskEnums;
import cn.qingfeng.risk.RiskFilter;
import cn.qingfeng.risk.RiskObligationFilter;
import cn.qingfeng.risk.RiskObligations;
import cn.qingfeng.risk.RiskQueries;
import cn.qingfeng.statistics.StatisticsViews.Drill;
import cn.qingfeng.statistics.StatisticsViews.DrillList;
import cn.qingfeng.statistics.StatisticsViews.Figure;
import cn.qingfeng.statistics.StatisticsViews.PeriodView;
import cn.qingfeng.statistics.StatisticsViews.Rate;
import cn.qingfeng.statistics.StatisticsViews.Statistics;
import cn.qingfeng.task.TaskEnums;
import cn.qingfeng.task.TaskFilters;
import cn.qingfeng.task.TaskQueries;
import cn.qingfeng.unit.UnitCallerScope;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The figures of a period for a unit subtree, within the caller's scope. Every figure is counted
 * through the list query of its drill-down ({@link DrillBinder} binds the query to the list's
 * filter, the ledger's Queries builds the rows), so a list opened from a figure totals the figure.
 */
@ApplicationScoped
public class StatisticsService {

    @Inject
    TaskQueries tasks;

    @Inject
    RectificationQueries rectifications;

    @Inject
    RiskQueries risks;

    @Inject
    UnitRepository units;

    @Inject
    UnitCallerScope callerScope;

    @Inject
    CallerScope scope;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AppClock.ZONE);
    }

    /** The unit a caller's figures are for: the one asked for (in scope, else 404), else their own when scoped. */
    public UnitEntity unitFor(UUID unitId) {
        DataScope s = scope.current();
        if (unitId != null) {
            return units.find(unitId, s).orElseThrow(() -> ProblemException.notFound("unit"));
        }
        return s.all() ? null : callerScope.ownUnit().orElse(null);
    }

    @Transactional
    public Statistics statistics(StatisticsPeriod period, UUID unitId) {
        UnitEntity unit = unitFor(unitId);
        Map<String, String> base = new LinkedHashMap<>();
        if (unit != null) {
            base.put("unitId", unit.id.toString());
            base.put("subtree", "true");
        }
        Builder now = new Builder(base);
        summary(now, period);
        breakdown(now, period);
        Builder before = new Builder(base);
        summary(before, period.previous());
        Map<String, Long> previous = new HashMap<>();
        before.figures.forEach(f -> previous.put(f.key(), f.value()));
        List<Figure> figures = now.figures.stream().map(f -> previous.containsKey(f.key())
                ? new Figure(f.key(), f.value(), previous.get(f.key()), f.dims(), f.drill()) : f).toList();
        List<Rate> rates = List.of(
                now.rate("tasks.completionRate", "tasks.done", "tasks.issued"),
                now.rate("tasks.onTimeRate", "tasks.onTime", "tasks.done"),
                now.rate("rect.completionRate", "rect.status.CLOSED", "rect.found"),
                now.rate("rect.onTimeRate", "rect.closedOnTime", "rect.closedTimeLimited"));
        Map<String, UnitRef> refs = new TreeMap<>();
        List<UUID> ids = figures.stream().map(f -> f.dims().get("unitId")).filter(java.util.Objects::nonNull)
                .distinct().map(UUID::fromString).toList();
        units.refs(ids).forEach((id, ref) -> refs.put(id.toString(), ref));
        return new Statistics(PeriodView.of(period), unit == null ? null : UnitRef.of(unit), figures, rates, refs);
    }

    /** The figures that are compared with the previous period. */
    private void summary(Builder b, StatisticsPeriod p) {
        String from = p.from().toString();
        String to = p.to().toString();
        // Assignments issued in the period, by status and on-time: issued, done, on time, late from one count.
        Map<String, String> issued = Map.of("issuedFrom", from, "issuedTo", to);
        List<Object[]> byState = b.grouped(DrillList.ASSIGNMENTS, issued, "e.status, e.completedOnTime");
        b.add("tasks.issued", Builder.sum(byState, r -> true), DrillList.ASSIGNMENTS, issued);
        b.add("tasks.done", Builder.sum(byState, r -> r[0] == TaskEnums.AssignmentStatus.DONE), DrillList.ASSIGNMENTS, with(issued, "status", "DONE"));
        b.add("tasks.onTime", Builder.sum(byState, r -> r[0] == TaskEnums.AssignmentStatus.DONE && Boolean.TRUE.equals(r[1])),
                DrillList.ASSIGNMENTS, with(issued, "warning", "ON_TIME"));
        b.add("tasks.late", Builder.sum(byState, r -> r[0] == TaskEnums.AssignmentStatus.DONE && Boolean.FALSE.equals(r[1])),
                DrillList.ASSIGNMENTS, with(issued, "warning", "LATE"));
        b.count("tasks.overdue", DrillList.ASSIGNMENTS, with(issued, "warning", "RED"));
        b.count("tasks.urged", DrillList.ASSIGNMENTS, Map.of("urgedFrom", from, "urgedTo", to));
        b.count("tasks.escalated", DrillList.ASSIGNMENTS, Map.of("escalatedFrom", from, "escalatedTo", to));
        b.byEnum("records", DrillList.RECORDS, Map.of("heldFrom", from, "heldTo", to), "category", TaskEnums.Category.values());

        // Problems found in the period, by status, source, category and severity from one count.
        Map<String, String> found = Map.of("foundFrom", from, "foundTo", to);
        List<Object[]> cube = b.grouped(DrillList.RECTIFICATIONS, found, "e.status, e.source, e.category, e.severity");
        b.add("rect.found", Builder.sum(cube, r -> true), DrillList.RECTIFICATIONS, found);
        b.slices("rect.status", DrillList.RECTIFICATIONS, found, "status", RectificationEnums.Status.values(), cube, 0);
        b.slices("rect.source", DrillList.RECTIFICATIONS, found, "source", RectificationEnums.Source.values(), cube, 1);
        b.slices("rect.category", DrillList.RECTIFICATIONS, found, "category", RectificationEnums.Category.values(), cube, 2);
        b.slices("rect.severity", DrillList.RECTIFICATIONS, found, "severity", RectificationEnums.Severity.values(), cube, 3);
        b.count("rect.closedTimeLimited", DrillList.RECTIFICATIONS, with(with(found, "status", "CLOSED"), "kind", "TIME_LIMITED"));
        b.count("rect.closedOnTime", DrillList.RECTIFICATIONS, with(found, "warning", "ON_TIME"));
        b.count("rect.closedLate", DrillList.RECTIFICATIONS, with(found, "warning", "LATE"));

        b.count("risks.levelChanged", DrillList.RISKS, Map.of("levelChangedFrom", from, "levelChangedTo", to));
        b.count("risks.measuresDone", DrillList.RISKS, Map.of("measuresDoneFrom", from, "measuresDoneTo", to));

        // Reviews and reports due in the period: every state of every due day from one pass (the
        // states told apart by the obligations list's own conditions).
        Map<String, String> due = Map.of("from", from, "to", to);
        List<RiskEnums.ObligationState> states = List.of(RiskEnums.ObligationState.MET, RiskEnums.ObligationState.LATE,
                RiskEnums.ObligationState.MISSING, RiskEnums.ObligationState.PENDING);
        StringBuilder select = new StringBuilder("e.kind, e.dueOn");
        for (RiskEnums.ObligationState state : states) {
            select.append(", sum(case when ").append(RiskObligations.stateCondition(state)).append(" then 1 else 0 end)");
        }
        List<Object[]> days = query(DrillList.OBLIGATIONS, b.scoped(due))
                .grouped(select.toString(), "e.kind, e.dueOn", RiskObligations.stateParams(clock.instant()));
        for (RiskEnums.ObligationKind kind : RiskEnums.ObligationKind.values()) {
            for (int i = 0; i < states.size(); i++) {
                int column = 2 + i;
                b.add("obligations." + kind + "." + states.get(i), Builder.sum(days, r -> r[0] == kind, column), DrillList.OBLIGATIONS,
                        with(with(due, "kind", kind.name()), "state", states.get(i).name()));
            }
        }
        b.obligationDays = days;
    }

    /** Breakdowns of the period (and of now, for warnings and the risk register). */
    private void breakdown(Builder b, StatisticsPeriod p) {
        String from = p.from().toString();
        String to = p.to().toString();
        Map<String, String> found = Map.of("foundFrom", from, "foundTo", to);
        b.byUnit("rect.unit.found", DrillList.RECTIFICATIONS, found);
        b.byUnit("rect.unit.closed", DrillList.RECTIFICATIONS, with(found, "status", "CLOSED"));

        // The risk register now, by level and category from one count.
        Map<String, String> open = Map.of("open", "true");
        List<Object[]> risks = b.grouped(DrillList.RISKS, open, "e.level, e.category");
        b.add("risks.open", Builder.sum(risks, r -> true), DrillList.RISKS, open);
        b.slices("risks.level", DrillList.RISKS, open, "level", RiskEnums.Level.values(), risks, 0);
        b.add("risks.ungraded", Builder.sum(risks, r -> r[0] == null), DrillList.RISKS, with(open, "graded", "false"));
        b.slices("risks.category", DrillList.RISKS, open, "category", RiskEnums.Category.values(), risks, 1);

        for (String colour : List.of("RED", "YELLOW")) {
            b.byUnit("warn.assignments." + colour, DrillList.ASSIGNMENTS, Map.of("warning", colour));
            b.byUnit("warn.rect." + colour, DrillList.RECTIFICATIONS, Map.of("warning", colour));
        }
        for (LocalDate[] m : p.months()) {
            Map<String, String> month = Map.of("issuedFrom", m[0].toString(), "issuedTo", m[1].toString());
            Map<String, String> dims = Map.of("month", m[0].toString().substring(0, 7));
            List<Object[]> rows = b.grouped(DrillList.ASSIGNMENTS, month, "e.status");
            b.add("trend.issued", Builder.sum(rows, r -> true), dims, DrillList.ASSIGNMENTS, b.scoped(month));
            b.add("trend.done", Builder.sum(rows, r -> r[0] == TaskEnums.AssignmentStatus.DONE), dims, DrillList.ASSIGNMENTS,
                    b.scoped(with(month, "status", "DONE")));
        }
        // Obligations by due day, from the summary's pass over the period.
        List<RiskEnums.ObligationState> states = List.of(RiskEnums.ObligationState.MET, RiskEnums.ObligationState.LATE,
                RiskEnums.ObligationState.MISSING, RiskEnums.ObligationState.PENDING);
        for (int i = 0; i < states.size(); i++) {
            int column = 2 + i;
            Map<LocalDate, Long> perDay = new TreeMap<>();
            for (Object[] r : b.obligationDays) {
                perDay.merge((LocalDate) r[1], ((Number) r[column]).longValue(), Long::sum);
            }
            String state = states.get(i).name();
            perDay.forEach((day, n) -> {
                if (n > 0) {
                    b.add("calendar." + state, n, Map.of("day", day.toString()), DrillList.OBLIGATIONS,
                            b.scoped(Map.of("from", day.toString(), "to", day.toString(), "state", state)));
                }
            });
        }
    }

    private static Map<String, String> with(Map<String, String> q, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(q);
        out.put(key, value);
        return out;
    }

    /** The rows a drill-down lists, as the ledger's own list query. */
    public ListQuery<?> query(DrillList list, Map<String, String> q) {
        return switch (list) {
            case ASSIGNMENTS -> tasks.assignmentQuery(DrillBinder.bind(TaskFilters.Assignments.class, q));
            case RECORDS -> tasks.recordQuery(DrillBinder.bind(TaskFilters.Records.class, q));
            case RECTIFICATIONS -> rectifications.query(DrillBinder.bind(RectificationFilter.class, q));
            case RISKS -> risks.query(DrillBinder.bind(RiskFilter.class, q));
            case OBLIGATIONS -> risks.obligationQuery(DrillBinder.bind(RiskObligationFilter.class, q));
        };
    }

    private final class Builder {
        final Map<String, String> base;
        final List<Figure> figures = new ArrayList<>();
        final Map<String, Long> values = new HashMap<>();

        Builder(Map<String, String> base) {
            this.base = base;
        }

        Map<String, String> scoped(Map<String, String> q) {
            Map<String, String> out = new LinkedHashMap<>(base);
            out.putAll(q);
            return out;
        }

        /** The obligations of the period per kind and due day, one column per state (see summary). */
        List<Object[]> obligationDays = List.of();

        void add(String key, long value, Map<String, String> dims, DrillList list, Map<String, String> q) {
            figures.add(new Figure(key, value, null, dims, new Drill(list, q)));
            if (dims.isEmpty()) {
                values.put(key, value);
            }
        }

        /** A figure of the unit's subtree: the drill is the base (unit) and {@code q}. */
        void add(String key, long value, DrillList list, Map<String, String> q) {
            add(key, value, Map.of(), list, scoped(q));
        }

        /** Counts under the list query grouped by {@code columns} (alias e): the rows end with the count. */
        List<Object[]> grouped(DrillList list, Map<String, String> q, String columns) {
            return query(list, scoped(q)).grouped(columns + ", count(e)", columns);
        }

        /** One figure per value of an enumeration (zeros too), summed from grouped rows' column {@code index}. */
        void slices(String prefix, DrillList list, Map<String, String> q, String field, Enum<?>[] values, List<Object[]> rows, int index) {
            for (Enum<?> v : values) {
                add(prefix + "." + v.name(), sum(rows, r -> r[index] == v), list, with(q, field, v.name()));
            }
        }

        /** The counts (last column) of the rows that match. */
        static long sum(List<Object[]> rows, java.util.function.Predicate<Object[]> match) {
            long n = 0;
            for (Object[] r : rows) {
                if (match.test(r)) {
                    n += ((Number) r[r.length - 1]).longValue();
                }
            }
            return n;
        }

        /** The sums of one column of the rows that match. */
        static long sum(List<Object[]> rows, java.util.function.Predicate<Object[]> match, int column) {
            long n = 0;
            for (Object[] r : rows) {
                if (match.test(r) && r[column] != null) {
                    n += ((Number) r[column]).longValue();
                }
            }
            return n;
        }

        void count(String key, DrillList list, Map<String, String> q) {
            count(key, list, q, Map.of());
        }

        void count(String key, DrillList list, Map<String, String> q, Map<String, String> dims) {
            Map<String, String> full = scoped(q);
            add(key, query(list, full).count(), dims, list, full);
        }

        /** One figure per value of an enumeration (zeros too), from one grouped count. */
        void byEnum(String prefix, DrillList list, Map<String, String> q, String field, Enum<?>[] values) {
            Map<String, String> full = scoped(q);
            Map<String, Long> counts = new HashMap<>();
            for (Object[] row : query(list, full).grouped("e." + field + ", count(e)", "e." + field)) {
                if (row[0] != null) {
                    counts.put(((Enum<?>) row[0]).name(), ((Number) row[1]).longValue());
                }
            }
            for (Enum<?> v : values) {
                add(prefix + "." + v.name(), counts.getOrDefault(v.name(), 0L), Map.of(), list, with(full, field, v.name()));
            }
        }

        /** One figure per unit that has any (dims.unitId), drilling into that unit alone. */
        void byUnit(String key, DrillList list, Map<String, String> q) {
            Map<String, String> full = scoped(q);
            List<Object[]> rows = query(list, full).grouped("e.unitId, count(e)", "e.unitId");
            rows.sort((a, b) -> a[0].toString().compareTo(b[0].toString()));
            for (Object[] row : rows) {
                Map<String, String> one = new LinkedHashMap<>(q);
                one.put("unitId", row[0].toString());
                add(key, ((Number) row[1]).longValue(), Map.of("unitId", row[0].toString()), list, one);
            }
        }

        Rate rate(String key, String numerator, String denominator) {
            long n = values.getOrDefault(numerator, 0L);
            long d = values.getOrDefault(denominator, 0L);
            return new Rate(key, d == 0 ? 0 : Math.round(10000.0 * n / d) / 10000.0, numerator, denominator);
        }
    }
}
