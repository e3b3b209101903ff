package cn.qingfeng.task;

import cn.qingfeng.common.ledger.LedgerEntity;
import cn.qingfeng.task.TaskEnums.AssignmentRole;
import cn.qingfeng.task.TaskEnums.AssignmentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One unit's part in a task (承办), with its own life. */
@Entity
@Table(name = "task_assignment")
public class AssignmentEntity extends LedgerEntity<AssignmentStatus> {

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

    @Override
    protected void state(AssignmentStatus state) {
        status = state;
    }

    @Override
    public AssignmentStatus state() {
        return status;
    }

    @Override
    public UUID journalUnitId() {
        return unitId;
    }
}
