package cn.qingfeng.task;

import cn.qingfeng.common.ledger.LedgerRecord;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One unit's part in a task (承办), with its own life. */
@Entity
@Table(name = "task_assignment")
public class AssignmentEntity implements LedgerRecord<AssignmentStatus> {

    @Id
    public UUID id;

    @Column(updatable = false)
    public UUID taskId;

    @Column(updatable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    public AssignmentRole role;

    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;

    public LocalDate deadline;

    public Instant acceptedAt;

    public String acceptedBy;

    public Instant submittedAt;

    public Instant completedAt;

    public Boolean completedOnTime;

    public int returnedCount;

    public String returnReason;

    /** Set once, when the overdue assignment was escalated to its unit. */
    public Instant escalatedAt;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public AssignmentStatus state() {
        return status;
    }

    @Override
    public void moveTo(AssignmentStatus state, Instant at) {
        status = state;
        updatedAt = at;
    }

    @Override
    public void touch(Instant at) {
        updatedAt = at;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public UUID journalId() {
        return id;
    }

    @Override
    public UUID journalUnitId() {
        return unitId;
    }
}
