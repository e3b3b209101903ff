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
    @Column(updatable = false)
    public UUID assignmentId;
    public String message;
    public String urgedBy;
    public String urgedByName;
    public Instant urgedAt;
    public String reply;
    public String repliedBy;
    public String repliedByName;
    public Instant repliedAt;
    @Version
    public long version;
}
