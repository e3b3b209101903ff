package cn.qingfeng.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An urge (催办) of an assignment by a supervisor, and the unit's reply. */
@Entity
@Table(name = "task_urge")
public class UrgeEntity {
    @Id
    public UUID id;
    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;
    @Column(nullable = false)
    public String message;
    @Column(name = "urged_by", nullable = false)
    public String urgedBy;
    @Column(name = "urged_by_name")
    public String urgedByName;
    @Column(name = "urged_at", nullable = false)
    public Instant urgedAt;
    public String reply;
    @Column(name = "replied_by")
    public String repliedBy;
    @Column(name = "replied_by_name")
    public String repliedByName;
    @Column(name = "replied_at")
    public Instant repliedAt;
    @Version
    public long version;
}
