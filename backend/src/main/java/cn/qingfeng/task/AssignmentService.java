package cn.qingfeng.task;

import static cn.qingfeng.task.AssignmentLifecycle.ACCEPT;
import static cn.qingfeng.task.AssignmentLifecycle.ADD_RECORD;
import static cn.qingfeng.task.AssignmentLifecycle.APPROVE;
import static cn.qingfeng.task.AssignmentLifecycle.REPLY_URGE;
import static cn.qingfeng.task.AssignmentLifecycle.REPORT_PROGRESS;
import static cn.qingfeng.task.AssignmentLifecycle.RETURN;
import static cn.qingfeng.task.AssignmentLifecycle.SUBMIT;
import static cn.qingfeng.task.AssignmentLifecycle.URGE;

import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
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
import java.util.UUID;

/** One unit's assignment through its life ({@link AssignmentLifecycle}); the kernel checks and records each action. */
@ApplicationScoped
public class AssignmentService {

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    TaskMapper mapper;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    public AssignmentView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public AssignmentView accept(UUID id, long version) {
        AssignmentEntity a = ledger.enter(assignments, ACCEPT, id, version);
        a.acceptedAt = clock.instant();
        a.acceptedBy = user.subject();
        return moved(ACCEPT, a, Changes.of());
    }

    @Transactional
    public AssignmentView submit(UUID id, long version, String note) {
        AssignmentEntity a = ledger.enter(assignments, SUBMIT, id, version);
        a.submittedAt = clock.instant();
        return moved(SUBMIT, a, Changes.of().set("note", note));
    }

    @Transactional
    public AssignmentView approve(UUID id, long version, String note) {
        AssignmentEntity a = ledger.enter(assignments, APPROVE, id, version);
        Instant now = clock.instant();
        a.completedAt = now;
        // On time means submitted by the deadline; the supervisor's review time is not the unit's delay.
        a.completedOnTime = a.deadline == null || !Warnings.dayOf(a.submittedAt).isAfter(a.deadline);
        AssignmentView view = moved(APPROVE, a, Changes.of().set("note", note).set("onTime", a.completedOnTime));
        completeTaskIfDone(a.taskId, now);
        return view;
    }

    @Transactional
    public AssignmentView sendBack(UUID id, long version, String reason) {
        AssignmentEntity a = ledger.enter(assignments, RETURN, id, version);
        a.returnedCount++;
        a.returnReason = reason;
        a.submittedAt = null;
        return moved(RETURN, a, Changes.of().set("reason", reason).set("returnedCount", a.returnedCount));
    }

    @Transactional
    public ProgressView addProgress(UUID id, TaskRequests.AddProgress req) {
        AssignmentEntity a = ledger.enter(assignments, REPORT_PROGRESS, id, null);
        ProgressEntity p = new ProgressEntity();
        p.id = UUID.randomUUID();
        p.assignmentId = a.id;
        p.reportedOn = req.reportedOn();
        p.content = req.content().trim();
        p.percent = req.percent();
        p.reportedBy = user.subject();
        p.reportedByName = user.displayName();
        p.createdAt = clock.instant();
        assignments.persist(p);
        ledger.record(REPORT_PROGRESS, a, Changes.of()
                .set("progressId", p.id).set("reportedOn", p.reportedOn).set("content", p.content).set("percent", p.percent));
        return mapper.progress(p);
    }

    @Transactional
    public RecordView addRecord(UUID id, TaskRequests.AddRecord req) {
        AssignmentEntity a = ledger.enter(assignments, ADD_RECORD, id, null);
        TaskEntity t = tasks.find(a.taskId, DataScope.everything(), false).orElseThrow();
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
        assignments.persist(r);
        ledger.record(ADD_RECORD, a, Changes.of()
                .set("recordId", r.id).set("heldOn", r.heldOn).set("topic", r.topic)
                .set("participantCount", r.participantCount).set("place", r.place));
        return mapper.record(r);
    }

    @Transactional
    public UrgeView urge(UUID id, String message) {
        AssignmentEntity a = ledger.enter(assignments, URGE, id, null);
        UrgeEntity u = new UrgeEntity();
        u.id = UUID.randomUUID();
        u.assignmentId = a.id;
        u.message = message.trim();
        u.urgedBy = user.subject();
        u.urgedByName = user.displayName();
        u.urgedAt = clock.instant();
        assignments.persist(u);
        ledger.record(URGE, a, Changes.of().set("urgeId", u.id).set("message", u.message));
        return mapper.urge(u);
    }

    @Transactional
    public UrgeView reply(UUID assignmentId, UUID urgeId, String reply) {
        AssignmentEntity a = ledger.enter(assignments, REPLY_URGE, assignmentId, null);
        UrgeEntity u = assignments.urge(a.id, urgeId).orElseThrow(() -> ProblemException.notFound("Urge"));
        if (u.repliedAt != null) {
            throw ProblemException.conflict("urge.already-replied", "该催办已回复");
        }
        u.reply = reply.trim();
        u.repliedBy = user.subject();
        u.repliedByName = user.displayName();
        u.repliedAt = clock.instant();
        ledger.record(REPLY_URGE, a, Changes.of().set("urgeId", u.id).set("reply", u.reply));
        return mapper.urge(u);
    }

    // ---------------------------------------------------------------- helpers

    AssignmentEntity visible(UUID id) {
        return assignments.find(id, scope.current(), false)
                .orElseThrow(() -> ProblemException.notFound(AssignmentLifecycle.ASSIGNMENT.label()));
    }

    private AssignmentView moved(cn.qingfeng.common.ledger.Action<AssignmentStatus, AssignmentEntity> action, AssignmentEntity a,
                                 Changes changes) {
        ledger.record(action, a, changes.set("taskId", a.taskId));
        assignments.flush();
        return view(a);
    }

    /** When the last open assignment is done, the task is completed. */
    private void completeTaskIfDone(UUID taskId, Instant now) {
        TaskEntity t = tasks.find(taskId, DataScope.everything(), true).orElseThrow();
        List<AssignmentEntity> all = assignments.of(taskId);
        boolean allDone = all.stream().allMatch(x -> x.status == AssignmentStatus.DONE || x.status == AssignmentStatus.CANCELLED);
        if (allDone && t.status == TaskEnums.Status.ISSUED) {
            // The task was done when its last unit submitted what was then approved.
            Instant lastSubmitted = all.stream().filter(x -> x.status == AssignmentStatus.DONE && x.submittedAt != null)
                    .map(x -> x.submittedAt).max(Instant::compareTo).orElse(now);
            t.completedAt = lastSubmitted;
            ledger.record(TaskLifecycle.COMPLETE, t, Changes.of().set("onTime", Warnings.closed(t.deadline, lastSubmitted).name()));
        }
    }

    AssignmentView view(AssignmentEntity a) {
        return taskService.assignmentViews(List.of(a), Map.of()).get(0);
    }
}
