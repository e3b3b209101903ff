package cn.qingfeng.rectification;

import cn.qingfeng.rectification.RectificationEnums.MeasureStatus;
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

/** A measure (整改措施) of an item, with its own owner, deadline and state. */
@Entity
@Table(name = "rectification_measure")
public class RectificationMeasureEntity {
    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false, updatable = false)
    public UUID itemId;
    @Column(nullable = false)
    public String content;
    @Column(name = "owner_name")
    public String ownerName;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureStatus status;
    @Column(name = "done_at")
    public Instant doneAt;
    @Column(name = "waive_reason")
    public String waiveReason;
    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
