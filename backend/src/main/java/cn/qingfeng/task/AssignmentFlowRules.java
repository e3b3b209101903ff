package cn.qingfeng.task;

import static cn.qingfeng.common.security.Roles.SUPERVISOR;
import static cn.qingfeng.common.security.Roles.UNIT_OFFICER;

import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.todo.FlowRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The tasks ledger's to-do rules: each assignment (承办) is a flow. Its unit's officers accept it,
 * work on it and submit it (overdue once past the deadline) and answer urges; supervisors approve
 * what was submitted. Approved: 办结; cancelled with its task: withdrawn.
 */
@ApplicationScoped
public class AssignmentFlowRules implements FlowRules {

    /** Task events that cannot change an assignment's steps: a draft has none, a completed task's are done. */
    private static final Set<String> TASK_EVENTS_WITHOUT_EFFECT = Set.of("task.created", "task.updated", "task.issued",
            "task.period-generated", "task.period-unit-skipped", "task.completed");
    /** Assignment events that leave its steps as they are. */
    private static final Set<String> ASSIGNMENT_EVENTS_WITHOUT_EFFECT = Set.of("assignment.progress-reported",
            "assignment.record-added");

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskRepository tasks;

    @Inject
    Warnings warnings;

    @Inject
    EntityManager em;

    @Override
    public String flowType() {
        return TaskService.ASSIGNMENT;
    }

    @Override
    public String ledger() {
        return "task";
    }

    @Override
    public String flowName() {
        return TaskLifecycle.TASK.label();
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(TaskService.TASK, TaskService.ASSIGNMENT);
    }

    @Override
    public Collection<UUID> touched(FlowEvent e) {
        if (e.entityId() == null) {
            return List.of();
        }
        if (TaskService.ASSIGNMENT.equals(e.entityType())) {
            return ASSIGNMENT_EVENTS_WITHOUT_EFFECT.contains(e.action()) ? List.of() : List.of(UUID.fromString(e.entityId()));
        }
        // A task's change (its title after issue, its cancellation) reaches each of its assignments.
        if (TASK_EVENTS_WITHOUT_EFFECT.contains(e.action())) {
            return List.of();
        }
        return em.createQuery("select a.id from AssignmentEntity a where a.taskId = :t", UUID.class)
                .setParameter("t", UUID.fromString(e.entityId())).getResultList();
    }

    @Override
    public Optional<Flow> flow(UUID id) {
        Optional<AssignmentEntity> found = assignments.find(id, DataScope.everything(), false);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AssignmentEntity a = found.get();
        TaskEntity t = tasks.find(a.taskId, DataScope.everything(), false).orElseThrow();
        String title = t.code + " " + t.title;
        String link = "/tasks/" + t.id + "?assignment=" + a.id;
        if (a.status == AssignmentStatus.DONE) {
            return Optional.of(Flow.finished(title, link, a.unitId));
        }
        if (a.status == AssignmentStatus.CANCELLED || t.status == Status.CANCELLED) {
            return Optional.of(Flow.cancelled(title, link, a.unitId));
        }
        LocalDate today = warnings.today();
        List<Step> steps = new ArrayList<>();
        LocalDate recheck = null;
        switch (a.status) {
            case PENDING -> steps.add(Step.of("assignment.accept", UNIT_OFFICER, a.unitId, a.deadline, "签收"));
            case IN_PROGRESS -> {
                boolean overdue = a.deadline != null && a.deadline.isBefore(today);
                steps.add(Step.of(overdue ? "assignment.overdue" : "assignment.report", UNIT_OFFICER, a.unitId, a.deadline,
                        overdue ? "逾期办理" : "办理"));
                // The day after the deadline it is overdue, whether or not anything happens to it.
                recheck = overdue || a.deadline == null ? null : a.deadline.plusDays(1);
            }
            case SUBMITTED -> steps.add(Step.of("assignment.approve", SUPERVISOR, null, a.deadline, "审核"));
            default -> {
            }
        }
        if (assignments.openUrges(List.of(a.id)).getOrDefault(a.id, 0L) > 0) {
            steps.add(Step.of("assignment.answer-urge", UNIT_OFFICER, a.unitId, a.deadline, "回复催办"));
        }
        return Optional.of(new Flow(FlowState.OPEN, title, link, a.unitId, steps, recheck));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<UUID> withoutFlow(UUID after, int limit) {
        return em.createNativeQuery("select a.id from task_assignment a where a.status in ('PENDING', 'IN_PROGRESS', 'SUBMITTED')"
                        + " and not exists (select 1 from todo_flow f where f.flow_type = 'task_assignment' and f.flow_id = a.id)"
                        + " and a.id > :after order by a.id limit :n", UUID.class)
                .setParameter("after", after).setParameter("n", limit).getResultList();
    }
}
