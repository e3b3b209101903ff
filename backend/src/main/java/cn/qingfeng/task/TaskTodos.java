package cn.qingfeng.task;

import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.common.security.CurrentUser;
import cn.qingfeng.common.security.Roles;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.todo.TodoItem;
import cn.qingfeng.todo.TodoSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tasks ledger's to-dos. Unit officers: assignments of their units to accept, to work on and
 * submit (overdue ones flagged as escalated), urges to answer. Supervisors: submissions to approve.
 */
@ApplicationScoped
public class TaskTodos implements TodoSource {

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentRepository assignments;

    @Inject
    CallerScope scope;

    @Inject
    CurrentUser user;

    @Inject
    Warnings warnings;

    @Override
    public List<TodoItem> todos(int limit) {
        List<TodoItem> items = new ArrayList<>();
        DataScope s = scope.current();
        if (user.hasRole(Roles.UNIT_OFFICER) && !s.unitIds().isEmpty()) {
            for (AssignmentEntity a : inStates(List.of(AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS), s, limit)) {
                String kind = a.status == AssignmentStatus.PENDING ? "assignment.accept"
                        : warnings.open(a.deadline) == cn.qingfeng.common.warning.Warning.RED ? "assignment.overdue" : "assignment.report";
                items.add(item(kind, a, a.acceptedAt != null ? a.acceptedAt : a.createdAt));
            }
            for (Object[] row : assignments.unansweredUrges(s.unitIds(), limit)) {
                AssignmentEntity a = (AssignmentEntity) row[2];
                items.add(item("assignment.answer-urge", a, (java.time.Instant) row[1]));
            }
        }
        if (user.hasRole(Roles.SUPERVISOR)) {
            for (AssignmentEntity a : inStates(List.of(AssignmentStatus.SUBMITTED), DataScope.everything(), limit)) {
                items.add(item("assignment.approve", a, a.submittedAt));
            }
        }
        return withTitles(items);
    }

    private List<AssignmentEntity> inStates(List<AssignmentStatus> states, DataScope s, int limit) {
        // Open assignments belong to issued tasks only (cancelling or completing closes them).
        return assignments.assignments(s).where("e.status in :states", "states", states).first("e.deadline, e.id", limit);
    }

    private TodoItem item(String kind, AssignmentEntity a, java.time.Instant since) {
        return new TodoItem(kind, a.taskId.toString(), TaskService.ASSIGNMENT, a.id,
                "/tasks/" + a.taskId + "?assignment=" + a.id, a.unitId, a.deadline, warnings.open(a.deadline), since);
    }

    /** Replaces the placeholder title (the task id) by "code title". */
    private List<TodoItem> withTitles(List<TodoItem> items) {
        Map<UUID, TaskEntity> byId = tasks.tasksById(items.stream().map(i -> UUID.fromString(i.title())).distinct().toList());
        return items.stream().map(i -> {
            TaskEntity t = byId.get(UUID.fromString(i.title()));
            return new TodoItem(i.kind(), t.code + " " + t.title, i.entityType(), i.entityId(), i.link(), i.unitId(),
                    i.due(), i.warning(), i.since());
        }).toList();
    }
}
