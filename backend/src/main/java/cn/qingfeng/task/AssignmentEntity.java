package cn.qingfeng.task;

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
public class AssignmentEntity {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    public UUID taskId;

    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    public LocalDate deadline;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_on_time")
    public Boolean completedOnTime;

    @Column(name = "returned_count", nullable = false)
    public int returnedCount;

    @Column(name = "return_reason")
    public String returnReason;

    /** Set once, when the overdue assignment was escalated to its unit. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
