package cn.qingfeng.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A progress report (进展) of an assignment. */
@Entity
@Table(name = "task_progress")
public class ProgressEntity {
    @Id
    public UUID id;
    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;
    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;
    @Column(nullable = false)
    public String content;
    public Integer percent;
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;
    @Column(name = "reported_by_name")
    public String reportedByName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
