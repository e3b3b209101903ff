package cn.qingfeng.task;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.paging.Page;
import cn.qingfeng.common.paging.PageParams;
import cn.qingfeng.common.paging.Pager;
import cn.qingfeng.common.paging.SortField;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.tally.Tally;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.EventView;
import cn.qingfeng.journal.JournalService;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.ProgressView;
import cn.qingfeng.task.TaskViews.RecordCount;
import cn.qingfeng.task.TaskViews.RecordView;
import cn.qingfeng.task.TaskViews.TaskView;
import cn.qingfeng.task.TaskViews.UrgeView;
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

/** The ledger's lists, counts and timelines, always within the caller's scope. */
@ApplicationScoped
public class TaskQueries {

    /** The tasks' name in the kept counts (V15). */
    private static final String LEDGER = "task";

    private static final List<SortField<TaskEntity>> TASK_SORT = List.of(
            new SortField<>("createdAt", "e.createdAt", Instant.class, t -> t.createdAt),
            new SortField<>("deadline", "e.deadline", LocalDate.class, t -> t.deadline),
            new SortField<>("code", "e.code", String.class, t -> t.code),
            new SortField<>("id", "e.id", UUID.class, t -> t.id));
    private static final List<SortField<AssignmentEntity>> ASSIGNMENT_SORT = List.of(
            new SortField<>("deadline", "e.deadline", LocalDate.class, a -> a.deadline),
            new SortField<>("updatedAt", "e.updatedAt", Instant.class, a -> a.updatedAt),
            new SortField<>("createdAt", "e.createdAt", Instant.class, a -> a.createdAt),
            new SortField<>("id", "e.id", UUID.class, a -> a.id));
    private static final List<SortField<RecordEntity>> RECORD_SORT = List.of(
            new SortField<>("heldOn", "e.heldOn", LocalDate.class, r -> r.heldOn),
            new SortField<>("id", "e.id", UUID.class, r -> r.id));

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    AssignmentService assignmentService;

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskMapper mapper;

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

    public Page<TaskView> list(TaskFilters.Tasks f, PageParams page) {
        DataScope s = scope.current();
        ListQuery<TaskEntity> q = tasks.tasks(s)
                .whereIf(f.status, "e.status = :status", "status")
                .whereIf(f.category, "e.category = :category", "category")
                .whereIf(f.priority, "e.priority = :priority", "priority")
                .whereIf(f.templateId, "e.templateId = :templateId", "templateId")
                .whereIf(f.externalSource, "e.externalSource = :externalSource", "externalSource")
                .whereIf(f.externalRef, "e.externalRef = :externalRef", "externalRef")
                .whereIf(f.deadlineFrom, "e.deadline >= :deadlineFrom", "deadlineFrom")
                .whereIf(f.deadlineTo, "e.deadline <= :deadlineTo", "deadlineTo")
                .whereIf(f.unitId, "exists (select 1 from AssignmentEntity fa where fa.taskId = e.id and fa.unitId = :unitId)", "unitId")
                .search(f.q, "e.code", "e.title");
        if (f.unitId != null && !s.contains(f.unitId)) {
            // Another unit's tasks are not the caller's to enumerate.
            q.where("1 = 0");
        }
        if (f.warning != null) {
            Warnings.Condition c = warnings.condition(openColour(f.warning), "e.deadline");
            q.where("e.status = :warnStatus and e.recurrence = 'NONE'", "warnStatus", Status.ISSUED).where(c.clause(), c.params());
        }
        Page<TaskEntity> result = pager.page(q, page, TASK_SORT, "-createdAt", keptTotal(f, s));
        return result.with(taskService.views(result.items()));
    }

    /**
     * The list's total from the kept counts, when its filters are ones they keep. Only for callers
     * who see every task: a scoped caller sees a task through any of its assignments, which a
     * count per unit cannot tell without counting a task once per unit.
     */
    private Supplier<Long> keptTotal(TaskFilters.Tasks f, DataScope s) {
        if (!s.all() || f.unitId != null || f.q != null || f.warning != null || f.deadlineFrom != null || f.deadlineTo != null
                || f.templateId != null || f.externalSource != null || f.externalRef != null) {
            return null;
        }
        Map<String, Object> dims = new LinkedHashMap<>();
        dims.put("status", f.status);
        dims.put("category", f.category);
        dims.put("priority", f.priority);
        return tally.listTotal(LEDGER, s, null, dims);
    }

    public Page<AssignmentView> assignments(TaskFilters.Assignments f, PageParams page) {
        Page<AssignmentEntity> result = pager.page(assignmentQuery(f), page, ASSIGNMENT_SORT, "deadline");
        return result.with(taskService.assignmentViews(result.items(), Map.of()));
    }

    /** The assignments list's rows as a query: what a statistic counts is what its drill-down lists. */
    public ListQuery<AssignmentEntity> assignmentQuery(TaskFilters.Assignments f) {
        // Drafts have no assignments (they are created on issue), so no join with the task is needed.
        ListQuery<AssignmentEntity> q = assignments.assignments(scope.current())
                .whereIf(f.status, "e.status = :status", "status")
                .unit("e.unitId", f.unitId, f.subtree)
                .whereIf(f.taskId, "e.taskId = :taskId", "taskId")
                .whereIf(f.deadlineFrom, "e.deadline >= :deadlineFrom", "deadlineFrom")
                .whereIf(f.deadlineTo, "e.deadline <= :deadlineTo", "deadlineTo")
                .onDays("e.createdAt", f.issuedFrom, f.issuedTo, "issued")
                .onDays("e.escalatedAt", f.escalatedFrom, f.escalatedTo, "escalated");
        if (f.urgedFrom != null || f.urgedTo != null) {
            q.where("exists (select 1 from UrgeEntity u where u.assignmentId = e.id" + q.days("u.urgedAt", f.urgedFrom, f.urgedTo, "urged") + ")");
        }
        if (f.warning == Warning.ON_TIME || f.warning == Warning.LATE) {
            // Finished work: on time means submitted by the deadline (recorded when approved).
            q.where("e.status = :done and e.completedOnTime = :onTime",
                    Map.of("done", AssignmentStatus.DONE, "onTime", f.warning == Warning.ON_TIME));
        } else if (Boolean.TRUE.equals(f.open) || f.warning != null) {
            q.where("e.status in :openStates", "openStates",
                    List.of(AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS, AssignmentStatus.SUBMITTED));
        }
        if (f.warning != null && f.warning != Warning.ON_TIME && f.warning != Warning.LATE) {
            Warnings.Condition c = warnings.condition(openColour(f.warning), "e.deadline");
            q.where(c.clause(), c.params());
        }
        return q;
    }

    /** Execution records across the assignments in scope, newest first. */
    public Page<RecordView> allRecords(TaskFilters.Records f, PageParams page) {
        return pager.page(recordQuery(f), page, RECORD_SORT, "-heldOn").map(mapper::record);
    }

    /** The records list's rows as a query: "理论学习 9 次" counts what this lists. */
    public ListQuery<RecordEntity> recordQuery(TaskFilters.Records f) {
        return assignments.records(scope.current())
                .whereIf(f.category, "e.category = :category", "category")
                .unit("e.unitId", f.unitId, f.subtree)
                .whereIf(f.heldFrom, "e.heldOn >= :heldFrom", "heldFrom")
                .whereIf(f.heldTo, "e.heldOn <= :heldTo", "heldTo")
                .search(f.q, "e.topic");
    }

    public Page<ProgressView> progress(UUID assignmentId, PageParams page) {
        assignmentService.visible(assignmentId);
        return pager.page(assignments.progressOf(assignmentId), page, List.of(
                new SortField<>("createdAt", "e.createdAt", Instant.class, p -> p.createdAt),
                new SortField<>("id", "e.id", UUID.class, p -> p.id)), "-createdAt").map(mapper::progress);
    }

    public Page<RecordView> records(UUID assignmentId, PageParams page) {
        assignmentService.visible(assignmentId);
        return pager.page(assignments.recordsOf(assignmentId), page, RECORD_SORT, "-heldOn").map(mapper::record);
    }

    public Page<UrgeView> urges(UUID assignmentId, PageParams page) {
        assignmentService.visible(assignmentId);
        return pager.page(assignments.urgesOf(assignmentId), page, List.of(
                new SortField<>("urgedAt", "e.urgedAt", Instant.class, u -> u.urgedAt),
                new SortField<>("id", "e.id", UUID.class, u -> u.id)), "-urgedAt").map(mapper::urge);
    }

    /** The task's journal and that of the assignments the caller may see, oldest first. */
    public Page<EventView> taskTimeline(UUID taskId, PageParams page) {
        taskService.visibleTask(taskId);
        DataScope s = scope.current();
        List<String> assignmentIds = new ArrayList<>();
        assignments.of(taskId).stream().filter(a -> s.contains(a.unitId)).forEach(a -> assignmentIds.add(a.id.toString()));
        return journal.timeline(Map.of(TaskService.TASK, List.of(taskId.toString()), TaskService.ASSIGNMENT, assignmentIds,
                "task_record", recordIds(assignmentIds)), page);
    }

    public Page<EventView> assignmentTimeline(UUID assignmentId, PageParams page) {
        assignmentService.visible(assignmentId);
        List<String> ids = List.of(assignmentId.toString());
        return journal.timeline(Map.of(TaskService.ASSIGNMENT, ids, "task_record", recordIds(ids)), page);
    }

    /** Files added to a record are journaled on the record; its assignment's timeline shows them too. */
    private List<String> recordIds(List<String> assignmentIds) {
        return assignments.recordIds(assignmentIds.stream().map(UUID::fromString).toList()).stream().map(UUID::toString).toList();
    }

    /** Execution records counted by category and unit over a period: "学习共计9次". */
    public List<RecordCount> recordCounts(LocalDate from, LocalDate to, UUID unitId) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalidField("to", "请给出有效的统计区间 from ≤ to");
        }
        List<Object[]> rows = assignments.recordCounts(from, to, scope.current(), unitId);
        Map<UUID, UnitRef> refs = units.refs(rows.stream().map(r -> (UUID) r[1]).distinct().toList());
        return rows.stream().map(r -> new RecordCount((TaskEnums.Category) r[0], refs.get((UUID) r[1]),
                (Long) r[2], r[3] == null ? 0 : ((Number) r[3]).longValue())).toList();
    }

    private static Warning openColour(Warning w) {
        if (w == Warning.ON_TIME || w == Warning.LATE) {
            throw ProblemException.invalidField("warning", "filter by GREEN, YELLOW, RED or NONE");
        }
        return w;
    }
}
