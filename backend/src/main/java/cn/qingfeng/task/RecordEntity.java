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
    @Column(name = "assignment_id", nullable = false, updatable = false)
    public UUID assignmentId;
    @Column(name = "unit_id", nullable = false, updatable = false)
    public UUID unitId;
    /** The task's category when recorded, so counts by category need no join. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;
    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;
    @Column(nullable = false)
    public String topic;
    @Column(name = "participant_count", nullable = false)
    public int participantCount;
    public String participants;
    public String place;
    public String notes;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_by_name")
    public String recordedByName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
