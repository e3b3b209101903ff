package cn.qingfeng.task;

import static cn.qingfeng.task.TaskLifecycle.CANCEL;
import static cn.qingfeng.task.TaskLifecycle.CREATE;
import static cn.qingfeng.task.TaskLifecycle.ISSUE;
import static cn.qingfeng.task.TaskLifecycle.UPDATE;

import cn.qingfeng.common.code.CodeGenerator;
import cn.qingfeng.common.ledger.ExternalRefs;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.origin.OriginRef;
import cn.qingfeng.common.origin.Origins;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.TaskDetail;
import cn.qingfeng.task.TaskViews.TaskView;
import cn.qingfeng.unit.UnitCallerScope;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitRef;
import cn.qingfeng.unit.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tasks: drafting, issuing to units, editing and cancelling (the supervisors' side of 督查督办, {@link TaskLifecycle}). */
@ApplicationScoped
public class TaskService {

    static final String TASK = "task";
    static final String ASSIGNMENT = "task_assignment";

    @Inject
    Origins origins;

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskMapper mapper;

    @Inject
    UnitRepository units;

    @Inject
    CallerScope scope;

    @Inject
    UnitCallerScope callerUnit;

    @Inject
    CurrentUser user;

    @Inject
    Ledger ledger;

    @Inject
    CodeGenerator codes;

    @Inject
    Warnings warnings;

    @Inject
    Clock clock;

    // ---------------------------------------------------------------- reads

    public TaskDetail detail(UUID id) {
        TaskEntity t = visibleTask(id);
        DataScope s = scope.current();
        List<AssignmentEntity> list = assignments.of(t.id).stream().filter(a -> s.contains(a.unitId)).toList();
        return new TaskDetail(view(t), assignmentViews(list, Map.of(t.id, t)));
    }

    /** The task's state for the OA: the assignments in the caller's scope with their lights and timeliness. */
    public TaskViews.StatusSummary status(UUID id) {
        TaskEntity t = visibleTask(id);
        DataScope s = scope.current();
        List<AssignmentEntity> list = assignments.of(t.id).stream().filter(a -> s.contains(a.unitId)).toList();
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(a -> a.unitId).distinct().toList());
        List<TaskViews.AssignmentStatusSummary> parts = list.stream().map(a -> {
            Warning w = a.status.open() ? warnings.open(a.deadline) : null;
            UnitRef u = refs.get(a.unitId);
            return new TaskViews.AssignmentStatusSummary(a.id, a.unitId, u == null ? null : u.code(), u == null ? null : u.name(),
                    a.role, a.role.label(), a.status, AssignmentLifecycle.ASSIGNMENT.stateLabel(a.status),
                    w == Warning.NONE ? null : w, a.deadline, a.status == AssignmentStatus.DONE ? a.completedOnTime : null,
                    a.submittedAt, a.completedAt);
        }).toList();
        boolean completed = t.status == Status.COMPLETED;
        Boolean onTime = null;
        if (completed) {
            List<AssignmentEntity> done = assignments.of(t.id).stream().filter(a -> a.status == AssignmentStatus.DONE).toList();
            onTime = done.isEmpty() ? Warnings.closed(t.deadline, t.completedAt) == Warning.ON_TIME
                    : done.stream().allMatch(a -> Boolean.TRUE.equals(a.completedOnTime));
        }
        return new TaskViews.StatusSummary(t.id, t.code, t.title, t.externalSource, t.externalRef, t.status,
                TaskLifecycle.TASK.stateLabel(t.status), t.deadline, completed, onTime, parts);
    }

    // ---------------------------------------------------------------- supervisor actions

    @Transactional
    public TaskDetail create(TaskRequests.Create req) {
        return new TaskDetail(view(createRecord(req)), List.of());
    }

    /** {@link #create} without building the answer's view (a bulk import does not read it). */
    @Transactional
    public TaskEntity createRecord(TaskRequests.Create req) {
        ledger.enter(CREATE);
        ExternalRefs.check(TaskLifecycle.TASK, req.externalSource(), req.externalRef(),
                (source, ref) -> tasks.byExternalRef(source, ref).map(t -> new ExternalRefs.Existing(t.id, t.code)));
        UUID issuingUnit = req.issuingUnitId() != null ? req.issuingUnitId()
                : callerUnit.ownUnit().map(u -> u.id).orElseThrow(() ->
                        ProblemException.invalidField("issuingUnitId", "请指定下发单位"));
        units.find(issuingUnit, DataScope.everything()).filter(u -> u.active)
                .orElseThrow(() -> ProblemException.invalidField("issuingUnitId", "下发单位不存在或已停用"));
        if ((req.originType() == null) != (req.originId() == null)) {
            throw ProblemException.invalidField("originId", "来源记录需同时给出类型与编号");
        }
        if (req.originType() != null && !origins.exists(req.originType(), req.originId())) {
            throw ProblemException.invalidField("originId", "来源风险研判记录不存在");
        }
        Instant now = clock.instant();
        TaskEntity t = new TaskEntity();
        t.id = UUID.randomUUID();
        t.code = codes.next("RW", warnings.today().getYear());
        t.title = req.title().trim();
        t.category = req.category();
        t.description = req.description();
        t.basis = req.basis();
        t.originType = req.originType();
        t.originId = req.originId();
        t.externalSource = req.externalSource();
        t.externalRef = req.externalRef();
        t.priority = req.priority() == null ? Priority.NORMAL : req.priority();
        t.deadline = req.deadline();
        t.issuingUnitId = issuingUnit;
        t.status = Status.DRAFT;
        t.recurrence = req.recurrence() == null ? Recurrence.NONE : req.recurrence();
        if (t.recurrence != Recurrence.NONE) {
            t.nextPeriodStart = Periods.startContaining(t.recurrence,
                    req.recurrenceStart() == null ? warnings.today() : req.recurrenceStart());
        }
        t.createdBy = user.subject();
        t.createdByName = user.displayName();
        t.createdAt = now;
        t.updatedAt = now;
        tasks.persist(t);
        ledger.record(CREATE, t, Changes.of()
                .set("code", t.code).set("title", t.title).set("category", t.category).set("priority", t.priority)
                .set("deadline", t.deadline).set("recurrence", t.recurrence).set("basis", t.basis).set("originType", t.originType).set("originId", t.originId)
                .set("externalRef", t.externalRef));
        tasks.flush();
        return t;
    }

    @Transactional
    public TaskDetail update(UUID id, long expectedVersion, TaskRequests.Update req) {
        TaskEntity t = ledger.enter(tasks, UPDATE, id, expectedVersion);
        if (req.category() != null && req.category() != t.category && t.status != Status.DRAFT) {
            throw ProblemException.conflict("task.category-fixed", "任务下发后不能更改类别");
        }
        Changes changes = Changes.of();
        LocalDate oldDeadline = t.deadline;
        t.title = changes.update("title", t.title, req.title() == null ? null : req.title().trim());
        t.description = changes.update("description", t.description, req.description());
        t.basis = changes.update("basis", t.basis, req.basis());
        t.priority = changes.update("priority", t.priority, req.priority());
        t.category = changes.update("category", t.category, req.category());
        t.deadline = changes.update("deadline", t.deadline, req.deadline());
        if (changes.isEmpty()) {
            return detail(t.id);
        }
        ledger.record(UPDATE, t.status == Status.DRAFT ? "task.updated" : "task.changed-after-issue", t, changes);
        if (t.status == Status.ISSUED && t.deadline != null && !t.deadline.equals(oldDeadline)) {
            // The units see the new deadline on their own assignments, each journaled for their timeline.
            for (AssignmentEntity a : assignments.of(t.id)) {
                if (a.status.open()) {
                    Changes c = Changes.of().field("deadline", a.deadline, t.deadline).set("taskId", t.id);
                    a.deadline = t.deadline;
                    ledger.record(AssignmentLifecycle.CHANGE_DEADLINE, a, c);
                }
            }
        }
        tasks.flush();
        return detail(t.id);
    }

    @Transactional
    public TaskDetail issue(UUID id, long expectedVersion, TaskRequests.Issue req) {
        TaskEntity t = ledger.enter(tasks, ISSUE, id, expectedVersion);
        Set<UUID> seen = new HashSet<>();
        List<Map<String, String>> plan = new ArrayList<>();
        for (TaskRequests.UnitAssignment ua : req.units()) {
            if (!seen.add(ua.unitId())) {
                throw ProblemException.invalidField("units", "同一单位不能重复承办");
            }
            UnitEntity u = units.find(ua.unitId(), DataScope.everything())
                    .orElseThrow(() -> ProblemException.invalidField("units", "承办单位不存在: " + ua.unitId()));
            if (!u.active) {
                throw ProblemException.invalidField("units", "承办单位已停用: " + u.name);
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("unitId", ua.unitId().toString());
            entry.put("role", ua.role().name());
            plan.add(entry);
        }
        if (req.units().stream().noneMatch(ua -> ua.role() == AssignmentRole.LEAD)) {
            throw ProblemException.invalidField("units", "至少需要一个牵头单位");
        }
        if (t.recurrence == Recurrence.NONE && t.deadline == null) {
            throw ProblemException.invalidField("deadline", "下发前请设定办理期限");
        }
        Instant now = clock.instant();
        t.issuedAt = now;
        // Which units got the task is on each assignment's own event: units must not learn of each other.
        ledger.record(ISSUE, t, Changes.of().set("unitCount", plan.size()));
        if (t.recurrence == Recurrence.NONE) {
            for (TaskRequests.UnitAssignment ua : req.units()) {
                assign(t, ua.unitId(), ua.role(), t.deadline, now);
            }
        } else {
            // A recurring task is a template: its periods' instances carry the assignments. A draft issued
            // late starts with the current period rather than back-filling the ones already past.
            t.unitPlan = plan;
            LocalDate current = Periods.startContaining(t.recurrence, warnings.today());
            if (t.nextPeriodStart == null || t.nextPeriodStart.isBefore(current)) {
                t.nextPeriodStart = current;
            }
        }
        tasks.flush();
        return detail(t.id);
    }

    @Transactional
    public TaskDetail cancel(UUID id, long expectedVersion, String reason) {
        TaskEntity t = ledger.enter(tasks, CANCEL, id, expectedVersion);
        t.cancelledAt = clock.instant();
        t.cancelReason = reason;
        ledger.record(CANCEL, t, Changes.of().set("reason", reason));
        for (AssignmentEntity a : assignments.of(t.id)) {
            if (a.status.open()) {
                ledger.record(AssignmentLifecycle.CANCEL, a, Changes.of().set("taskId", t.id).set("reason", reason));
            }
        }
        tasks.flush();
        return detail(t.id);
    }

    /** Creates one unit's assignment of an issued task (journaled). */
    AssignmentEntity assign(TaskEntity t, UUID unitId, AssignmentRole role, LocalDate deadline, Instant now) {
        AssignmentEntity a = new AssignmentEntity();
        a.id = UUID.randomUUID();
        a.taskId = t.id;
        a.unitId = unitId;
        a.role = role;
        a.status = AssignmentStatus.PENDING;
        a.deadline = deadline;
        a.createdAt = now;
        a.updatedAt = now;
        assignments.persist(a);
        ledger.record(AssignmentLifecycle.CREATE, a, Changes.of()
                .set("taskId", t.id).set("taskCode", t.code).set("role", role).set("deadline", deadline));
        return a;
    }

    // ---------------------------------------------------------------- views

    TaskEntity visibleTask(UUID id) {
        return tasks.find(id, scope.current(), false).orElseThrow(() -> ProblemException.notFound(TaskLifecycle.TASK.label()));
    }

    TaskView view(TaskEntity t) {
        return views(List.of(t)).get(0);
    }

    List<TaskView> views(List<TaskEntity> list) {
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(t -> t.issuingUnitId).distinct().toList());
        Map<UUID, OriginRef> from = origins.refs(list, t -> t.originType, t -> t.originId);
        return list.stream().map(t -> mapper.task(t, refs.get(t.issuingUnitId), t.originId == null ? null : from.get(t.originId),
                warning(t), ledger.allowed(TaskLifecycle.TASK, t))).toList();
    }

    private Warning warning(TaskEntity t) {
        return switch (t.status) {
            case ISSUED -> t.recurrence == Recurrence.NONE ? warnings.open(t.deadline) : null;
            case COMPLETED -> Warnings.closed(t.deadline, t.completedAt);
            default -> null;
        };
    }

    List<AssignmentView> assignmentViews(List<AssignmentEntity> list, Map<UUID, TaskEntity> knownTasks) {
        Map<UUID, TaskEntity> byId = new LinkedHashMap<>(knownTasks);
        List<UUID> missing = list.stream().map(a -> a.taskId).filter(id -> !byId.containsKey(id)).distinct().toList();
        byId.putAll(tasks.tasksById(missing));
        Map<UUID, UnitRef> refs = units.refs(list.stream().map(a -> a.unitId).distinct().toList());
        Map<UUID, Long> urges = assignments.openUrges(list.stream().map(a -> a.id).toList());
        return list.stream().map(a -> {
            Warning w = a.status.open() ? warnings.open(a.deadline)
                    : a.status == AssignmentStatus.DONE ? Warnings.closed(a.deadline, a.submittedAt != null ? a.submittedAt : a.completedAt) : null;
            return mapper.assignment(a, byId.get(a.taskId), refs.get(a.unitId), w, urges.getOrDefault(a.id, 0L),
                    ledger.allowed(AssignmentLifecycle.ASSIGNMENT, a));
        }).toList();
    }
}
