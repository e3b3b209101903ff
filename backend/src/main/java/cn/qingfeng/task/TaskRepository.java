package cn.qingfeng.task;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.RecordKind;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.cfg.AvailableSettings;

/**
 * Tasks. A scoped caller sees a task once it is issued to a unit in their scope; drafts are the
 * supervisors' own.
 */
@ApplicationScoped
public class TaskRepository implements RecordKind<Status, TaskEntity, TaskEntity> {

    static final String TASK_SCOPE = "e.status <> 'DRAFT' and exists (select 1 from AssignmentEntity a"
            + " where a.taskId = e.id and a.unitId in :scopeUnits)";

    @Inject
    EntityManager em;

    @Inject
    AssignmentRepository assignments;

    @Override
    public Lifecycle<Status, TaskEntity> lifecycle() {
        return TaskLifecycle.TASK;
    }

    @Override
    public Optional<TaskEntity> find(UUID id, DataScope scope, boolean lock) {
        TaskEntity t = em.find(TaskEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (t == null) {
            return Optional.empty();
        }
        if (scope.all()) {
            return Optional.of(t);
        }
        boolean visible = t.status != Status.DRAFT && assignments.of(t.id).stream().anyMatch(a -> scope.contains(a.unitId));
        return visible ? Optional.of(t) : Optional.empty();
    }

    /** A task's rules read only the task itself. */
    @Override
    public List<TaskEntity> facts(List<TaskEntity> records) {
        return records;
    }

    public ListQuery<TaskEntity> tasks(DataScope scope) {
        return ListQuery.scopedBy(em, TaskEntity.class, scope, TASK_SCOPE);
    }

    public Map<UUID, TaskEntity> tasksById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from TaskEntity t where t.id in :ids", TaskEntity.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(t -> t.id, t -> t));
    }

    public Optional<TaskEntity> byExternalRef(String source, String ref) {
        return em.createQuery("select t from TaskEntity t where t.externalSource = :s and t.externalRef = :r", TaskEntity.class)
                .setParameter("s", source).setParameter("r", ref).getResultStream().findFirst();
    }

    /** One recurring template whose next period has begun, claimed for this instance (SKIP LOCKED). */
    public Optional<TaskEntity> claimDueTemplate(LocalDate today) {
        return em.createQuery("select t from TaskEntity t where t.recurrence <> :none"
                        + " and t.status = :issued and t.nextPeriodStart <= :today order by t.nextPeriodStart, t.id", TaskEntity.class)
                .setParameter("none", Recurrence.NONE)
                .setParameter("issued", Status.ISSUED)
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, -2)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public boolean isEmpty() {
        return !tasks(DataScope.everything()).exists();
    }

    /** A lock for the demo data's seeding: several instances may start together. */
    public void lockForSeeding() {
        em.createNativeQuery("select pg_advisory_xact_lock(7105004)").getSingleResult();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    /** The record a spreadsheet row names: by its code when it gives one, else by its source and external reference. */
    public java.util.Optional<TaskEntity> byCodeOrExternalRef(String code, String source, String ref) {
        if (code != null) {
            return em.createQuery("select e from TaskEntity e where e.code = :c", TaskEntity.class)
                    .setParameter("c", code).getResultStream().findFirst();
        }
        if (ref == null) {
            return java.util.Optional.empty();
        }
        return em.createQuery("select e from TaskEntity e where e.externalSource = :s and e.externalRef = :r", TaskEntity.class)
                .setParameter("s", source).setParameter("r", ref).getResultStream().findFirst();
    }
}
