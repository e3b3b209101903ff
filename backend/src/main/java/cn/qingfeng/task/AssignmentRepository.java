package cn.qingfeng.task;

import cn.qingfeng.common.ledger.Lifecycle;
import cn.qingfeng.common.ledger.RecordKind;
import cn.qingfeng.common.paging.ListQuery;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import cn.qingfeng.task.TaskEnums.Status;
import cn.qingfeng.unit.UnitOpenRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
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

/** Assignments, their progress, records and urges. A scoped caller sees the assignments of their units. */
@ApplicationScoped
public class AssignmentRepository implements RecordKind<AssignmentStatus, AssignmentEntity, AssignmentEntity> {

    static final List<AssignmentStatus> OPEN = List.of(AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS, AssignmentStatus.SUBMITTED);

    /** A unit with open assignments cannot be deactivated: someone must still finish them. */
    @Produces
    static final UnitOpenRecords OPEN_WORK = new UnitOpenRecords("task-assignment", "承办事项", AssignmentEntity.class,
            "e.status in :open", OPEN);

    @Inject
    EntityManager em;

    @Override
    public Lifecycle<AssignmentStatus, AssignmentEntity> lifecycle() {
        return AssignmentLifecycle.ASSIGNMENT;
    }

    @Override
    public Optional<AssignmentEntity> find(UUID id, DataScope scope, boolean lock) {
        AssignmentEntity a = em.find(AssignmentEntity.class, id, lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (a == null || !scope.contains(a.unitId)) {
            return Optional.empty();
        }
        TaskEntity t = em.find(TaskEntity.class, a.taskId);
        return t.status == Status.DRAFT && !scope.all() ? Optional.empty() : Optional.of(a);
    }

    /** An assignment's rules read only the assignment itself. */
    @Override
    public List<AssignmentEntity> facts(List<AssignmentEntity> records) {
        return records;
    }

    public ListQuery<AssignmentEntity> assignments(DataScope scope) {
        return ListQuery.scoped(em, AssignmentEntity.class, scope, "e.unitId");
    }

    public List<AssignmentEntity> of(UUID taskId) {
        return em.createQuery("select a from AssignmentEntity a where a.taskId = :t order by a.role, a.createdAt, a.id",
                AssignmentEntity.class).setParameter("t", taskId).getResultList();
    }

    public ListQuery<ProgressEntity> progressOf(UUID assignmentId) {
        return ListQuery.unscoped(em, ProgressEntity.class).where("e.assignmentId = :a", "a", assignmentId);
    }

    public ListQuery<RecordEntity> records(DataScope scope) {
        return ListQuery.scoped(em, RecordEntity.class, scope, "e.unitId");
    }

    public ListQuery<RecordEntity> recordsOf(UUID assignmentId) {
        return ListQuery.unscoped(em, RecordEntity.class).where("e.assignmentId = :a", "a", assignmentId);
    }

    public ListQuery<UrgeEntity> urgesOf(UUID assignmentId) {
        return ListQuery.unscoped(em, UrgeEntity.class).where("e.assignmentId = :a", "a", assignmentId);
    }

    public Optional<RecordEntity> record(UUID id) {
        return Optional.ofNullable(em.find(RecordEntity.class, id));
    }

    /** The urge of this assignment, locked for the answer. */
    public Optional<UrgeEntity> urge(UUID assignmentId, UUID urgeId) {
        UrgeEntity u = em.find(UrgeEntity.class, urgeId, LockModeType.PESSIMISTIC_WRITE);
        return u != null && u.assignmentId.equals(assignmentId) ? Optional.of(u) : Optional.empty();
    }

    /** Ids of the execution records of these assignments (their files show on the assignment's timeline). */
    public List<UUID> recordIds(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r.id from RecordEntity r where r.assignmentId in :a", UUID.class)
                .setParameter("a", assignmentIds).getResultList();
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

    /** Open assignments past their deadline not yet escalated, claimed for this instance (SKIP LOCKED). */
    public List<AssignmentEntity> claimOverdue(LocalDate today, int batch) {
        return em.createQuery("select a from AssignmentEntity a where a.status in :open"
                        + " and a.escalatedAt is null and a.deadline < :today order by a.deadline, a.id", AssignmentEntity.class)
                .setParameter("open", List.of(AssignmentStatus.PENDING, AssignmentStatus.IN_PROGRESS))
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .setMaxResults(batch)
                .getResultList();
    }

    /** Execution records counted by category and unit over a period, within the scope (optionally one unit). */
    public List<Object[]> recordCounts(LocalDate from, LocalDate to, DataScope scope, UUID unitId) {
        StringBuilder jpql = new StringBuilder("select r.category, r.unitId, count(r), sum(r.participantCount)"
                + " from RecordEntity r where r.heldOn >= :from and r.heldOn <= :to");
        if (!scope.all()) {
            if (scope.unitIds().isEmpty()) {
                return List.of();
            }
            jpql.append(" and r.unitId in :scopeUnits");
        }
        if (unitId != null) {
            jpql.append(" and r.unitId = :unitId");
        }
        jpql.append(" group by r.category, r.unitId order by r.category, r.unitId");
        var q = em.createQuery(jpql.toString(), Object[].class).setParameter("from", from).setParameter("to", to);
        if (!scope.all()) {
            q.setParameter("scopeUnits", scope.unitIds());
        }
        if (unitId != null) {
            q.setParameter("unitId", unitId);
        }
        return q.getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }
}
