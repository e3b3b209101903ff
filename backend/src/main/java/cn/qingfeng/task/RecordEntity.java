package cn.qingfeng.task;

import cn.qingfeng.task.TaskEnums.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An execution record (工作记录): one study session, meeting, talk... what reports count. */
@Entity
@Table(name = "task_record")
public class RecordEntity {
    @Id
    public UUID id;
    @Column(updatable = false)
    public UUID assignmentId;
    @Column(updatable = false)
    public UUID unitId;
    /** The task's category when recorded, so counts by category need no join. */
    @Enumerated(EnumType.STRING)
    public Category category;
    public LocalDate heldOn;
    public String topic;
    public int participantCount;
    public String participants;
    public String place;
    public String notes;
    public String recordedBy;
    public String recordedByName;
    public Instant createdAt;
}
