package cn.qingfeng.task;

import cn.qingfeng.task.TaskEnums.Category;
import cn.qingfeng.task.TaskEnums.Priority;
import cn.qingfeng.task.TaskEnums.Recurrence;
import cn.qingfeng.task.TaskEnums.Status;
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

/** A task (督办任务). A recurring one is the template of its periods' instances. */
@Entity
@Table(name = "task")
public class TaskEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    public String description;

    public String basis;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "origin_type", updatable = false)
    public TaskEnums.Origin originType;
    @Column(name = "origin_id", updatable = false)
    public UUID originId;

    @Column(name = "external_source")
    public String externalSource;

    @Column(name = "external_ref")
    public String externalRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    public LocalDate deadline;

    @Column(name = "issuing_unit_id", nullable = false)
    public UUID issuingUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recurrence recurrence = Recurrence.NONE;

    @Column(name = "template_id")
    public UUID templateId;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** For a recurring template: the start of the next period still to generate. */
    @Column(name = "next_period_start")
    public LocalDate nextPeriodStart;

    /** A recurring template's units, each period's instance is issued to them. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "unit_plan", columnDefinition = "jsonb")
    public java.util.List<java.util.Map<String, String>> unitPlan;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_by_name", updatable = false)
    public String createdByName;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
