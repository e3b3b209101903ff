package cn.qingfeng.todo;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller's own to-dos: nobody lists, counts or marks another person's. */
@ApplicationScoped
public class TodoQueries {

    private static final List<SortField<TodoEntity>> SORT = List.of(
            new SortField<>("due", "e.due", LocalDate.class, t -> t.due),
            new SortField<>("since", "e.createdAt", Instant.class, t -> t.createdAt),
            new SortField<>("changedAt", "e.changedAt", Instant.class, t -> t.changedAt),
            new SortField<>("id", "e.id", UUID.class, t -> t.id));

    @Inject
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    Pager pager;

    @Inject
    Warnings warnings;

    @Inject
    UnitRepository units;

    @Inject
    Instance<FlowRules> allRules;

    @Inject
    Clock clock;

    public Page<TodoView> list(TodoFilter f, PageParams page) {
        LocalDate today = warnings.today();
        TodoState state = f.state == null ? TodoState.OPEN : f.state;
        // The state inline (an enum's code): a generic plan can then still use the partial index of open rows.
        ListQuery<TodoEntity> q = mine().where("e.state = '" + state.name() + "'")
                .whereIf(f.kind == null ? null : "%," + like(f.kind.trim()) + ",%", "concat(',', e.kinds, ',') like :kind", "kind")
                .search(f.q, "e.title");
        if (state == TodoState.OPEN) {
            // Shown once visible: what is asked only near its day (a review within the warning days) waits until then.
            q.where("(e.visibleFrom is null or e.visibleFrom <= :today)", "today", today);
        }
        if (f.ledger != null) {
            q.where("e.flowType = :flowType", "flowType", flowType(f.ledger));
        }
        if (f.overdue != null) {
            q.where(f.overdue ? "e.due < :overdueDay" : "(e.due is null or e.due >= :overdueDay)", "overdueDay", today);
        }
        // Most urgent first while open; otherwise what changed last.
        Page<TodoEntity> rows = pager.page(q, page, SORT, state == TodoState.OPEN ? "due,since" : "-changedAt");
        Map<UUID, UnitRef> refs = units.refs(rows.items().stream().map(t -> t.unitId).filter(java.util.Objects::nonNull)
                .distinct().toList());
        return rows.map(t -> {
            UnitRef unit = t.unitId == null ? null : refs.get(t.unitId);
            boolean open = TodoState.OPEN.name().equals(t.state);
            return new TodoView(t.id, TodoState.valueOf(t.state), t.kindList(), t.title, t.stepName, t.flowName, t.flowType,
                    t.flowId, t.link, t.unitId, unit == null ? null : unit.name(), t.due, open ? warnings.open(t.due) : null,
                    t.createdAt, t.changedAt, t.readAt != null);
        });
    }

    /** Three counts over the caller's open rows, in one query on their index. */
    public TodoSummary summary() {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where read_at is null),"
                        + " count(*) filter (where due < :today) from todo where receiver_subject = :s and state = 'OPEN'"
                        + " and (visible_from is null or visible_from <= :today)")
                .setParameter("s", user.subject()).setParameter("today", warnings.today()).getSingleResult();
        return new TodoSummary(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }

    /** Marks one of the caller's to-dos read; another person's (or none) is not found. */
    @Transactional
    public void markRead(UUID id) {
        int updated = em.createQuery("update TodoEntity t set t.readAt = :now where t.id = :id and t.receiverSubject = :s"
                        + " and t.readAt is null")
                .setParameter("now", clock.instant()).setParameter("id", id).setParameter("s", user.subject()).executeUpdate();
        if (updated == 0 && mine().where("e.id = :id", "id", id).count() == 0) {
            throw ProblemException.notFound("Todo");
        }
    }

    private ListQuery<TodoEntity> mine() {
        return ListQuery.unscoped(em, TodoEntity.class).where("e.receiverSubject = :receiver", "receiver", user.subject());
    }

    private String flowType(TodoFilter.Ledger ledger) {
        for (FlowRules r : allRules) {
            if (r.ledger().equals(ledger.name())) {
                return r.flowType();
            }
        }
        throw ProblemException.invalidField("ledger", "未知的台账：" + ledger);
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
