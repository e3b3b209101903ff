package cn.qingfeng.task;

import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.task.TaskEnums.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tasks and their assignments. A scoped caller sees a task once it is issued to a unit in their
 * scope, and only the assignments of those units; drafts are the supervisors' own.
 */
@ApplicationScoped
public class TaskRepository {

    static final String TASK_SCOPE = "e.status <> 'DRAFT' and exists (select 1 from AssignmentEntity a"
            + " where a.taskId = e.id and a.unitId in :scopeUnits)";

    @Inject
    EntityManager em;

    public Optional<TaskEntity> findTask(UUID id, DataScope scope, boolean lock) {
        TaskEntity t = em.find(TaskEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (t == null) {
            return Optional.empty();
        }
        if (scope.all()) {
            return Optional.of(t);
        }
        boolean visible = t.status != Status.DRAFT && assignmentsOf(t.id).stream().anyMatch(a -> scope.contains(a.unitId));
        return visible ? Optional.of(t) : Optional.empty();
    }

    public Optional<AssignmentEntity> findAssignment(UUID id, DataScope scope, boolean lock) {
        AssignmentEntity a = em.find(AssignmentEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (a == null || !scope.contains(a.unitId)) {
            return Optional.empty();
        }
        TaskEntity t = em.find(TaskEntity.class, a.taskId);
        return t.status == Status.DRAFT && !scope.all() ? Optional.empty() : Optional.of(a);
    }

    public ListQuery<TaskEntity> tasks(DataScope scope) {
        return ListQuery.scopedBy(em, TaskEntity.class, scope, TASK_SCOPE);
    }

    public ListQuery<AssignmentEntity> assignments(DataScope scope) {
        return ListQuery.scoped(em, AssignmentEntity.class, scope, "e.unitId");
    }

    public List<AssignmentEntity> assignmentsOf(UUID taskId) {
        return em.createQuery("select a from AssignmentEntity a where a.taskId = :t order by a.role, a.createdAt, a.id",
                AssignmentEntity.class).setParameter("t", taskId).getResultList();
    }

    public Map<UUID, TaskEntity> tasksById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from TaskEntity t where t.id in :ids", TaskEntity.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(t -> t.id, t -> t));
    }

    /** Unanswered urges per assignment. */
    public Map<UUID, Long> openUrges(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select u.assignmentId, count(u) from UrgeEntity u where u.repliedAt is null"
                        + " and u.assignmentId in :ids group by u.assignmentId", Object[].class)
                .setParameter("ids", assignmentIds).getResultStream()
                .collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }

    public Optional<TaskEntity> byExternalRef(String source, String ref) {
        return em.createQuery("select t from TaskEntity t where t.externalSource = :s and t.externalRef = :r", TaskEntity.class)
                .setParameter("s", source).setParameter("r", ref).getResultStream().findFirst();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public EntityManager em() {
        return em;
    }
}
