package cn.qingfeng.task;

import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.common.web.ETags;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.task.TaskViews.AssignmentView;
import cn.qingfeng.task.TaskViews.ProgressView;
import cn.qingfeng.task.TaskViews.RecordView;
import cn.qingfeng.task.TaskViews.UrgeView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One unit's assignment through its life: 待签收 → 办理中 → 已报送 → 已办结, or 退回 back to 办理中.
 * The unit's officers accept, report and submit; supervisors approve, return and urge.
 * A transition from the wrong state answers 409 {@code assignment.illegal-transition}.
 */
@ApplicationScoped
public class AssignmentService {

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Journal journal;

    @Inject
    Clock clock;

    public AssignmentView get(UUID id) {
        return view(visible(id, false));
    }

    @Transactional
    public AssignmentView accept(UUID id, long version) {
        AssignmentEntity a = transition(id, version, "accept", Roles.UNIT_OFFICER, Set.of(AssignmentStatus.PENDING));
        a.acceptedAt = clock.instant();
        a.acceptedBy = user.subject();
        return moved(a, AssignmentStatus.IN_PROGRESS, "assignment.accepted", Changes.of());
    }

    @Transactional
    public AssignmentView submit(UUID id, long version, String note) {
        AssignmentEntity a = transition(id, version, "submit", Roles.UNIT_OFFICER, Set.of(AssignmentStatus.IN_PROGRESS));
        a.submittedAt = clock.instant();
        return moved(a, AssignmentStatus.SUBMITTED, "assignment.submitted", Changes.of().set("note", note));
    }

    @Transactional
    public AssignmentView approve(UUID id, long version, String note) {
        AssignmentEntity a = transition(id, version, "approve", Roles.SUPERVISOR, Set.of(AssignmentStatus.SUBMITTED));
        Instant now = clock.instant();
        a.completedAt = now;
        // On time means submitted by the deadline; the supervisor's review time is not the unit's delay.
        a.completedOnTime = a.deadline == null || !Warnings.dayOf(a.submittedAt).isAfter(a.deadline);
        AssignmentView view = moved(a, AssignmentStatus.DONE, "assignment.approved",
                Changes.of().set("note", note).set("onTime", a.completedOnTime));
        completeTaskIfDone(a.taskId, now);
        return view;
    }

    @Transactional
    public AssignmentView sendBack(UUID id, long version, String reason) {
        AssignmentEntity a = transition(id, version, "return", Roles.SUPERVISOR, Set.of(AssignmentStatus.SUBMITTED));
        a.returnedCount++;
        a.returnReason = reason;
        a.submittedAt = null;
        return moved(a, AssignmentStatus.IN_PROGRESS, "assignment.returned", Changes.of().set("reason", reason)
                .set("returnedCount", a.returnedCount));
    }

    @Transactional
    public ProgressView addProgress(UUID id, TaskRequests.AddProgress req) {
        AssignmentEntity a = actable(id, "progress", Roles.UNIT_OFFICER, Set.of(AssignmentStatus.IN_PROGRESS));
        ProgressEntity p = new ProgressEntity();
        p.id = UUID.randomUUID();
        p.assignmentId = a.id;
        p.reportedOn = req.reportedOn();
        p.content = req.content().trim();
        p.percent = req.percent();
        p.reportedBy = user.subject();
        p.reportedByName = user.displayName();
        p.createdAt = clock.instant();
        tasks.persist(p);
        journal.record("assignment.progress-reported", TaskService.ASSIGNMENT, a.id, a.unitId, Changes.of()
                .set("progressId", p.id).set("reportedOn", p.reportedOn).set("content", p.content).set("percent", p.percent));
        return progressView(p);
    }

    @Transactional
    public RecordView addRecord(UUID id, TaskRequests.AddRecord req) {
        AssignmentEntity a = actable(id, "record", Roles.UNIT_OFFICER, Set.of(AssignmentStatus.IN_PROGRESS));
        TaskEntity t = tasks.em().find(TaskEntity.class, a.taskId);
        RecordEntity r = new RecordEntity();
        r.id = UUID.randomUUID();
        r.assignmentId = a.id;
        r.unitId = a.unitId;
        r.category = t.category;
        r.heldOn = req.heldOn();
        r.topic = req.topic().trim();
        r.participantCount = req.participantCount();
        r.participants = req.participants();
        r.place = req.place();
        r.notes = req.notes();
        r.recordedBy = user.subject();
        r.recordedByName = user.displayName();
        r.createdAt = clock.instant();
        tasks.persist(r);
        journal.record("assignment.record-added", TaskService.ASSIGNMENT, a.id, a.unitId, Changes.of()
                .set("recordId", r.id).set("heldOn", r.heldOn).set("topic", r.topic)
                .set("participantCount", r.participantCount).set("place", r.place));
        return recordView(r);
    }

    @Transactional
    public UrgeView urge(UUID id, String message) {
        AssignmentEntity a = actable(id, "urge", Roles.SUPERVISOR,
                Set.of(AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS));
        UrgeEntity u = new UrgeEntity();
        u.id = UUID.randomUUID();
        u.assignmentId = a.id;
        u.message = message.trim();
        u.urgedBy = user.subject();
        u.urgedByName = user.displayName();
        u.urgedAt = clock.instant();
        tasks.persist(u);
        journal.record("assignment.urged", TaskService.ASSIGNMENT, a.id, a.unitId, Changes.of()
                .set("urgeId", u.id).set("message", u.message));
        return urgeView(u);
    }

    @Transactional
    public UrgeView reply(UUID assignmentId, UUID urgeId, String reply) {
        AssignmentEntity a = visible(assignmentId, false);
        taskService.requireRole(Roles.UNIT_OFFICER);
        UrgeEntity u = tasks.em().find(UrgeEntity.class, urgeId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (u == null || !u.assignmentId.equals(a.id)) {
            throw ProblemException.notFound("Urge");
        }
        if (u.repliedAt != null) {
            throw ProblemException.conflict("urge.already-replied", "该催办已回复");
        }
        u.reply = reply.trim();
        u.repliedBy = user.subject();
        u.repliedByName = user.displayName();
        u.repliedAt = clock.instant();
        journal.record("assignment.urge-replied", TaskService.ASSIGNMENT, a.id, a.unitId, Changes.of()
                .set("urgeId", u.id).set("reply", u.reply));
        return urgeView(u);
    }

    // ---------------------------------------------------------------- helpers

    AssignmentEntity visible(UUID id, boolean lock) {
        return tasks.findAssignment(id, scope.current(), lock).orElseThrow(() -> ProblemException.notFound("Assignment"));
    }

    /** Scope (404), role (403), version (412), state (409), in that order. */
    private AssignmentEntity transition(UUID id, long version, String action, String role, Set<AssignmentStatus> from) {
        AssignmentEntity a = visible(id, true);
        taskService.requireRole(role);
        ETags.check(version, a.version);
        checkState(a, action, from);
        return a;
    }

    private AssignmentEntity actable(UUID id, String action, String role, Set<AssignmentStatus> from) {
        AssignmentEntity a = visible(id, true);
        taskService.requireRole(role);
        checkState(a, action, from);
        return a;
    }

    private static void checkState(AssignmentEntity a, String action, Set<AssignmentStatus> from) {
        if (!from.contains(a.status)) {
            throw ProblemException.illegalTransition("assignment", a.status, action);
        }
    }

    private AssignmentView moved(AssignmentEntity a, AssignmentStatus to, String action, Changes changes) {
        journal.record(action, TaskService.ASSIGNMENT, a.id, a.unitId,
                changes.field("status", a.status, to).set("taskId", a.taskId));
        a.status = to;
        touch(a);
        tasks.flush();
        return view(a);
    }

    private void touch(AssignmentEntity a) {
        a.updatedAt = clock.instant();
    }

    /** When the last open assignment is done, the task is completed. */
    private void completeTaskIfDone(UUID taskId, Instant now) {
        TaskEntity t = tasks.em().find(TaskEntity.class, taskId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        boolean allDone = tasks.assignmentsOf(taskId).stream()
                .allMatch(x -> x.status == AssignmentStatus.DONE || x.status == AssignmentStatus.CANCELLED);
        if (allDone && t.status == Status.ISSUED) {
            // The task was done when its last unit submitted what was then approved.
            Instant lastSubmitted = tasks.assignmentsOf(taskId).stream()
                    .filter(x -> x.status == AssignmentStatus.DONE && x.submittedAt != null)
                    .map(x -> x.submittedAt).max(Instant::compareTo).orElse(now);
            t.status = Status.COMPLETED;
            t.completedAt = lastSubmitted;
            t.updatedAt = now;
            journal.record("task.completed", TaskService.TASK, t.id, t.issuingUnitId,
                    Changes.of().field("status", Status.ISSUED, Status.COMPLETED)
                            .set("onTime", Warnings.closed(t.deadline, lastSubmitted).name()));
        }
    }

    AssignmentView view(AssignmentEntity a) {
        return taskService.assignmentViews(List.of(a), Map.of()).get(0);
    }

    static ProgressView progressView(ProgressEntity p) {
        return new ProgressView(p.id, p.assignmentId, p.reportedOn, p.content, p.percent, p.reportedByName, p.createdAt);
    }

    static RecordView recordView(RecordEntity r) {
        return new RecordView(r.id, r.assignmentId, r.unitId, r.category, r.heldOn, r.topic, r.participantCount,
                r.participants, r.place, r.notes, r.recordedByName, r.createdAt);
    }

    static UrgeView urgeView(UrgeEntity u) {
        return new UrgeView(u.id, u.assignmentId, u.message, u.urgedByName, u.urgedAt, u.reply, u.repliedByName, u.repliedAt);
    }
}
