package cn.qingfeng.rectification;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.tally.MonthSplit;
import cn.qingfeng.common.tally.Tally;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.rectification.RectificationViews.RectificationProgressView;
import cn.qingfeng.rectification.RectificationViews.Stats;
import cn.qingfeng.rectification.RectificationViews.UnitCount;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Lists, statistics and timelines of the rectification ledger, within the caller's scope. */
@ApplicationScoped
public class RectificationQueries {

    private static final List<SortField<RectificationItemEntity>> SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, i -> i.createdAt),
            new SortField<>("deadline", "e.deadline", LocalDate.class, i -> i.deadline),
            new SortField<>("foundOn", "e.foundOn", LocalDate.class, i -> i.foundOn),
            new SortField<>("code", "e.code", String.class, i -> i.code),
            new SortField<>("id", "e.id", UUID.class, i -> i.id));

    @Inject
    RectificationRepository items;

    @Inject
    RectificationService service;

    @Inject
    RectificationMapper mapper;

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

    public Page<ItemView> list(RectificationFilter f, PageParams page) {
        Page<RectificationItemEntity> result = pager.page(query(f), page, SORT, "-createdAt", keptTotal(f));
        return result.with(service.views(result.items()));
    }

    /** The list's rows as a query: what a statistic counts is what its drill-down lists. */
    public ListQuery<RectificationItemEntity> query(RectificationFilter f) {
        ListQuery<RectificationItemEntity> q = items.items(scope.current())
                .whereIf(f.status, "e.status = :status", "status")
                .unit("e.unitId", f.unitId, f.subtree)
                .whereIf(f.foundFrom, "e.foundOn >= :foundFrom", "foundFrom")
                .whereIf(f.foundTo, "e.foundOn <= :foundTo", "foundTo")
                .whereIf(f.category, "e.category = :category", "category")
                .whereIf(f.source, "e.source = :source", "source")
                .whereIf(f.severity, "e.severity = :severity", "severity")
                .whereIf(f.kind, "e.kind = :kind", "kind")
                .whereIf(f.externalSource, "e.externalSource = :externalSource", "externalSource")
                .whereIf(f.externalRef, "e.externalRef = :externalRef", "externalRef")
                .whereIf(f.deadlineFrom, "e.deadline >= :deadlineFrom", "deadlineFrom")
                .whereIf(f.deadlineTo, "e.deadline <= :deadlineTo", "deadlineTo")
                .search(f.q, "e.code", "e.title");
        if (f.warning == Warning.ON_TIME || f.warning == Warning.LATE) {
            // Closed time-limited items, on time when closed by the deadline day in Asia/Shanghai.
            q.where("e.status = :closedState and e.kind = :timeLimited", Map.of("closedState", Status.CLOSED, "timeLimited", Kind.TIME_LIMITED))
                    .where("cast(sql('cast((? at time zone ''Asia/Shanghai'') as date)', e.closedAt) as LocalDate) "
                            + (f.warning == Warning.ON_TIME ? "<=" : ">") + " e.deadline");
        } else if (f.warning != null) {
            if (f.warning == Warning.NONE) {
                throw ProblemException.invalidField("warning", "filter by GREEN, YELLOW, RED, ON_TIME or LATE");
            }
            Warnings.Condition c = warnings.condition(f.warning, "e.deadline");
            q.where("e.status in :openStates and e.kind = :timeLimited",
                    Map.of("openStates", List.of(Status.PENDING, Status.IN_PROGRESS), "timeLimited", Kind.TIME_LIMITED))
                    .where(c.clause(), c.params());
        }
        return q;
    }

    /** The list's total from the kept counts, when its filters are ones they keep. */
    private Supplier<Long> keptTotal(RectificationFilter f) {
        if (f.q != null || f.warning != null || f.deadlineFrom != null || f.deadlineTo != null
                || Boolean.TRUE.equals(f.subtree) || f.foundFrom != null || f.foundTo != null
                || f.externalSource != null || f.externalRef != null) {
            return null;
        }
        Map<String, Object> dims = new LinkedHashMap<>();
        dims.put("status", f.status);
        dims.put("category", f.category);
        dims.put("source", f.source);
        dims.put("severity", f.severity);
        dims.put("kind", f.kind);
        return tally.listTotal(RectificationService.ENTITY, scope.current(), f.unitId, dims);
    }

    public Page<RectificationProgressView> progress(UUID id, PageParams page) {
        service.visible(id);
        return pager.page(items.progressOf(id), page, List.of(
                new SortField<>("createdAt", "e.createdAt", Instant.class, p -> p.createdAt),
                new SortField<>("id", "e.id", UUID.class, p -> p.id)), "-createdAt").map(mapper::progress);
    }

    public Page<EventView> timeline(UUID id, PageParams page) {
        service.visible(id);
        return journal.timeline(Map.of(RectificationService.ENTITY, List.of(id.toString())), page);
    }

    /**
     * Counts of the items found in a period (by found date), within scope, and the two rates reports
     * quote, from the kept counts of whole months and the rows of the days at either end; "on time"
     * compares the close-off day in Asia/Shanghai with the deadline.
     */
    public Stats stats(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalidField("to", "请给出有效的统计区间 from ≤ to");
        }
        DataScope s = scope.current();
        if (!s.all() && s.unitIds().isEmpty()) {
            return new Stats(0, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), 0, 0);
        }
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        Map<String, Long> bySource = new java.util.TreeMap<>();
        Map<String, Long> byCategory = new java.util.TreeMap<>();
        Map<String, Long> bySeverity = new java.util.TreeMap<>();
        Map<UUID, long[]> byUnit = new LinkedHashMap<>();
        long total = 0;
        long closedLimited = 0;
        long closedOnTime = 0;
        // Whole months from the kept counts (found_on month), the days at the ends from the rows.
        MonthSplit split = MonthSplit.of(from, to);
        for (MonthSplit.Range m : split.months()) {
            for (Tally.Count c : tally.counts(RectificationService.ENTITY, "status", m.from(), m.to(), s, null)) {
                total += c.n();
                byStatus.merge(c.value(), c.n(), Long::sum);
                long[] unit = byUnit.computeIfAbsent(c.unitId(), k -> new long[2]);
                unit[0] += c.n();
                unit[1] += Status.CLOSED.name().equals(c.value()) ? c.n() : 0;
            }
            tally.counts(RectificationService.ENTITY, "source", m.from(), m.to(), s, null).forEach(c -> bySource.merge(c.value(), c.n(), Long::sum));
            tally.counts(RectificationService.ENTITY, "category", m.from(), m.to(), s, null).forEach(c -> byCategory.merge(c.value(), c.n(), Long::sum));
            tally.counts(RectificationService.ENTITY, "severity", m.from(), m.to(), s, null).forEach(c -> bySeverity.merge(c.value(), c.n(), Long::sum));
            for (Tally.Count c : tally.counts(RectificationService.ENTITY, "closed", m.from(), m.to(), s, null)) {
                closedLimited += c.n();
                closedOnTime += "ON_TIME".equals(c.value()) ? c.n() : 0;
            }
        }
        for (MonthSplit.Range d : split.days()) {
            for (Object[] r : items.statsRows(d.from(), d.to(), s)) {
                long n = ((Number) r[5]).longValue();
                total += n;
                byStatus.merge((String) r[0], n, Long::sum);
                bySource.merge((String) r[1], n, Long::sum);
                byCategory.merge((String) r[2], n, Long::sum);
                bySeverity.merge((String) r[3], n, Long::sum);
                long[] unit = byUnit.computeIfAbsent(UUID.fromString((String) r[4]), k -> new long[2]);
                unit[0] += n;
                unit[1] += Status.CLOSED.name().equals(r[0]) ? n : 0;
                closedLimited += ((Number) r[6]).longValue();
                closedOnTime += ((Number) r[7]).longValue();
            }
        }
        Map<UUID, UnitRef> refs = units.refs(byUnit.keySet());
        List<UnitCount> unitCounts = new ArrayList<>();
        byUnit.forEach((id, c) -> unitCounts.add(new UnitCount(refs.get(id), c[0], c[1])));
        unitCounts.sort((a, b) -> a.unit().code().compareTo(b.unit().code()));
        long closed = byStatus.getOrDefault(Status.CLOSED.name(), 0L);
        return new Stats(total, byStatus, bySource, byCategory, bySeverity, unitCounts,
                total == 0 ? 0 : (double) closed / total, closedLimited == 0 ? 0 : (double) closedOnTime / closedLimited);
    }
}
