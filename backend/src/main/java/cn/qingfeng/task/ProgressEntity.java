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
    @Column(updatable = false)
    public UUID assignmentId;
    public LocalDate reportedOn;
    public String content;
    public Integer percent;
    public String reportedBy;
    public String reportedByName;
    public Instant createdAt;
}
