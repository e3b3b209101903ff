package cn.qingfeng.task;

import cn.qingfeng.common.ledger.LedgerEntity;
import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task (督办任务). A recurring one is the template of its periods' instances. */
@Entity
@Table(name = "task")
public class TaskEntity extends LedgerEntity<Status> {

    @Column(updatable = false)
    public String code;

    public String title;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String description;

    public String basis;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(updatable = false)
    public TaskEnums.Origin originType;
    @Column(updatable = false)
    public UUID originId;

    public String externalSource;

    public String externalRef;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public LocalDate deadline;

    public UUID issuingUnitId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Recurrence recurrence = Recurrence.NONE;

    public UUID templateId;

    public LocalDate periodStart;

    public LocalDate periodEnd;

    /** For a recurring template: the start of the next period still to generate. */
    public LocalDate nextPeriodStart;

    /** A recurring template's units, each period's instance is issued to them. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public java.util.List<java.util.Map<String, String>> unitPlan;

    @Column(updatable = false)
    public String createdBy;

    @Column(updatable = false)
    public String createdByName;

    public Instant issuedAt;

    public Instant cancelledAt;

    public String cancelReason;

    public Instant completedAt;

    @Override
    protected void state(Status state) {
        status = state;
    }

    @Override
    public Status state() {
        return status;
    }

    @Override
    public UUID journalUnitId() {
        return issuingUnitId;
    }
}
