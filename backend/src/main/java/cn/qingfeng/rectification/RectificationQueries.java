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
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.rectification.RectificationViews.ProgressView;
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
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    Pager pager;

    @Inject
    Warnings warnings;

    @Inject
    JournalService journal;

    public Page<ItemView> list(RectificationFilter f, PageParams page) {
        ListQuery<RectificationItemEntity> q = items.items(scope.current())
                .whereIf(f.status, "e.status = :status", "status")
                .whereIf(f.unitId, "e.unitId = :unitId", "unitId")
                .whereIf(f.category, "e.category = :category", "category")
                .whereIf(f.source, "e.source = :source", "source")
                .whereIf(f.severity, "e.severity = :severity", "severity")
                .whereIf(f.kind, "e.kind = :kind", "kind")
                .whereIf(f.deadlineFrom, "e.deadline >= :deadlineFrom", "deadlineFrom")
                .whereIf(f.deadlineTo, "e.deadline <= :deadlineTo", "deadlineTo")
                .search(f.q, "e.code", "e.title");
        if (f.warning != null) {
            if (f.warning == Warning.ON_TIME || f.warning == Warning.LATE || f.warning == Warning.NONE) {
                throw ProblemException.invalidField("warning", "filter by GREEN, YELLOW or RED");
            }
            Warnings.Condition c = warnings.condition(f.warning, "e.deadline");
            q.where("e.status in :openStates and e.kind = :timeLimited",
                    Map.of("openStates", List.of(Status.PENDING, Status.IN_PROGRESS), "timeLimited", Kind.TIME_LIMITED))
                    .where(c.clause(), c.params());
        }
        Page<RectificationItemEntity> result = pager.page(q, page, SORT, "-createdAt");
        return new Page<>(service.views(result.items()), result.nextCursor(), result.total());
    }

    public Page<ProgressView> progress(UUID id, PageParams page) {
        service.visible(id, false);
        ListQuery<RectificationProgressEntity> q = ListQuery.unscoped(items.em(), RectificationProgressEntity.class)
                .where("e.itemId = :i", "i", id);
        return pager.page(q, page, List.of(
                new SortField<>("createdAt", "e.createdAt", Instant.class, p -> p.createdAt),
                new SortField<>("id", "e.id", UUID.class, p -> p.id)), "-createdAt").map(RectificationService::progressView);
    }

    public Page<EventView> timeline(UUID id, PageParams page) {
        service.visible(id, false);
        return journal.timeline(Map.of(RectificationService.ENTITY, List.of(id.toString())), page);
    }

    /** Counts of the items found in a period (by found date), within scope, and the two rates reports quote. */
    public Stats stats(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalidField("to", "请给出有效的统计区间 from ≤ to");
        }
        DataScope s = scope.current();
        if (!s.all() && s.unitIds().isEmpty()) {
            return new Stats(0, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), 0, 0);
        }
        String where = " from RectificationItemEntity i where i.foundOn >= :from and i.foundOn <= :to"
                + (s.all() ? "" : " and i.unitId in :scopeUnits");
        Map<String, Long> byStatus = group("i.status", where, from, to, s);
        Map<String, Long> bySource = group("i.source", where, from, to, s);
        Map<String, Long> byCategory = group("i.category", where, from, to, s);
        Map<String, Long> bySeverity = group("i.severity", where, from, to, s);
        var unitQuery = items.em().createQuery("select i.unitId, count(i), sum(case when i.status = :closed then 1 else 0 end)"
                + where + " group by i.unitId", Object[].class).setParameter("closed", Status.CLOSED);
        bind(unitQuery, from, to, s);
        List<Object[]> unitRows = unitQuery.getResultList();
        Map<UUID, UnitRef> refs = units.refs(unitRows.stream().map(r -> (UUID) r[0]).toList());
        List<UnitCount> byUnit = new ArrayList<>();
        for (Object[] r : unitRows) {
            byUnit.add(new UnitCount(refs.get((UUID) r[0]), (Long) r[1], ((Number) r[2]).longValue()));
        }
        byUnit.sort((a, b) -> a.unit().code().compareTo(b.unit().code()));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long closed = byStatus.getOrDefault(Status.CLOSED.name(), 0L);
        var onTimeQuery = items.em().createQuery("select count(i), sum(case when cast(i.closedAt as LocalDate) <= i.deadline"
                + " then 1 else 0 end)" + where + " and i.status = :closed and i.kind = :limited", Object[].class)
                .setParameter("closed", Status.CLOSED).setParameter("limited", Kind.TIME_LIMITED);
        bind(onTimeQuery, from, to, s);
        Object[] onTime = onTimeQuery.getSingleResult();
        long closedLimited = (Long) onTime[0];
        long closedOnTime = onTime[1] == null ? 0 : ((Number) onTime[1]).longValue();
        return new Stats(total, byStatus, bySource, byCategory, bySeverity, byUnit,
                total == 0 ? 0 : (double) closed / total, closedLimited == 0 ? 0 : (double) closedOnTime / closedLimited);
    }

    private Map<String, Long> group(String path, String where, LocalDate from, LocalDate to, DataScope s) {
        var q = items.em().createQuery("select " + path + ", count(i)" + where + " group by " + path + " order by " + path, Object[].class);
        bind(q, from, to, s);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] r : q.getResultList()) {
            out.put(r[0].toString(), (Long) r[1]);
        }
        return out;
    }

    private static void bind(jakarta.persistence.TypedQuery<?> q, LocalDate from, LocalDate to, DataScope s) {
        q.setParameter("from", from).setParameter("to", to);
        if (!s.all()) {
            q.setParameter("scopeUnits", s.unitIds());
        }
    }
}
