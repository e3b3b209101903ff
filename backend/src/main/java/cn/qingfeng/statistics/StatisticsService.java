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
        Map<String, String> issued = Map.of("issuedFrom", from, "issuedTo", to);
        b.count("tasks.issued", DrillList.ASSIGNMENTS, issued);
        b.count("tasks.done", DrillList.ASSIGNMENTS, with(issued, "status", "DONE"));
        b.count("tasks.onTime", DrillList.ASSIGNMENTS, with(issued, "warning", "ON_TIME"));
        b.count("tasks.late", DrillList.ASSIGNMENTS, with(issued, "warning", "LATE"));
        b.count("tasks.overdue", DrillList.ASSIGNMENTS, with(issued, "warning", "RED"));
        b.count("tasks.urged", DrillList.ASSIGNMENTS, Map.of("urgedFrom", from, "urgedTo", to));
        b.count("tasks.escalated", DrillList.ASSIGNMENTS, Map.of("escalatedFrom", from, "escalatedTo", to));
        b.byEnum("records", DrillList.RECORDS, Map.of("heldFrom", from, "heldTo", to), "category", TaskEnums.Category.values());

        Map<String, String> found = Map.of("foundFrom", from, "foundTo", to);
        b.count("rect.found", DrillList.RECTIFICATIONS, found);
        b.byEnum("rect.status", DrillList.RECTIFICATIONS, found, "status", RectificationEnums.Status.values());
        b.count("rect.closedTimeLimited", DrillList.RECTIFICATIONS, with(with(found, "status", "CLOSED"), "kind", "TIME_LIMITED"));
        b.count("rect.closedOnTime", DrillList.RECTIFICATIONS, with(found, "warning", "ON_TIME"));
        b.count("rect.closedLate", DrillList.RECTIFICATIONS, with(found, "warning", "LATE"));

        b.count("risks.levelChanged", DrillList.RISKS, Map.of("levelChangedFrom", from, "levelChangedTo", to));
        b.count("risks.measuresDone", DrillList.RISKS, Map.of("measuresDoneFrom", from, "measuresDoneTo", to));
        for (RiskEnums.ObligationKind kind : RiskEnums.ObligationKind.values()) {
            for (RiskEnums.ObligationState state : List.of(RiskEnums.ObligationState.MET, RiskEnums.ObligationState.LATE,
                    RiskEnums.ObligationState.MISSING, RiskEnums.ObligationState.PENDING)) {
                b.count("obligations." + kind + "." + state, DrillList.OBLIGATIONS,
                        Map.of("from", from, "to", to, "kind", kind.name(), "state", state.name()));
            }
        }
    }

    /** Breakdowns of the period (and of now, for warnings and the risk register). */
    private void breakdown(Builder b, StatisticsPeriod p) {
        String from = p.from().toString();
        String to = p.to().toString();
        Map<String, String> found = Map.of("foundFrom", from, "foundTo", to);
        b.byEnum("rect.source", DrillList.RECTIFICATIONS, found, "source", RectificationEnums.Source.values());
        b.byEnum("rect.category", DrillList.RECTIFICATIONS, found, "category", RectificationEnums.Category.values());
        b.byEnum("rect.severity", DrillList.RECTIFICATIONS, found, "severity", RectificationEnums.Severity.values());
        b.byUnit("rect.unit.found", DrillList.RECTIFICATIONS, found);
        b.byUnit("rect.unit.closed", DrillList.RECTIFICATIONS, with(found, "status", "CLOSED"));

        Map<String, String> open = Map.of("open", "true");
        b.count("risks.open", DrillList.RISKS, open);
        b.byEnum("risks.level", DrillList.RISKS, open, "level", RiskEnums.Level.values());
        b.count("risks.ungraded", DrillList.RISKS, with(open, "graded", "false"));
        b.byEnum("risks.category", DrillList.RISKS, open, "category", RiskEnums.Category.values());

        for (String colour : List.of("RED", "YELLOW")) {
            b.byUnit("warn.assignments." + colour, DrillList.ASSIGNMENTS, Map.of("warning", colour));
            b.byUnit("warn.rect." + colour, DrillList.RECTIFICATIONS, Map.of("warning", colour));
        }
        for (LocalDate[] m : p.months()) {
            Map<String, String> month = Map.of("issuedFrom", m[0].toString(), "issuedTo", m[1].toString());
            Map<String, String> dims = Map.of("month", m[0].toString().substring(0, 7));
            b.count("trend.issued", DrillList.ASSIGNMENTS, month, dims);
            b.count("trend.done", DrillList.ASSIGNMENTS, with(month, "status", "DONE"), dims);
        }
        for (RiskEnums.ObligationState state : List.of(RiskEnums.ObligationState.MET, RiskEnums.ObligationState.LATE,
                RiskEnums.ObligationState.MISSING, RiskEnums.ObligationState.PENDING)) {
            b.byDay("calendar." + state, Map.of("from", from, "to", to, "state", state.name()));
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

        private Map<String, String> scoped(Map<String, String> q) {
            Map<String, String> out = new LinkedHashMap<>(base);
            out.putAll(q);
            return out;
        }

        void add(String key, long value, Map<String, String> dims, DrillList list, Map<String, String> q) {
            figures.add(new Figure(key, value, null, dims, new Drill(list, q)));
            if (dims.isEmpty()) {
                values.put(key, value);
            }
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

        /** Obligations per due day (dims.day), drilling into that day. */
        void byDay(String key, Map<String, String> q) {
            Map<String, String> full = scoped(q);
            List<Object[]> rows = query(DrillList.OBLIGATIONS, full).grouped("e.dueOn, count(e)", "e.dueOn");
            rows.sort((a, b) -> ((LocalDate) a[0]).compareTo((LocalDate) b[0]));
            for (Object[] row : rows) {
                String day = row[0].toString();
                add(key, ((Number) row[1]).longValue(), Map.of("day", day), DrillList.OBLIGATIONS,
                        with(with(full, "from", day), "to", day));
            }
        }

        Rate rate(String key, String numerator, String denominator) {
            long n = values.getOrDefault(numerator, 0L);
            long d = values.getOrDefault(denominator, 0L);
            return new Rate(key, d == 0 ? 0 : Math.round(10000.0 * n / d) / 10000.0, numerator, denominator);
        }
    }
}
