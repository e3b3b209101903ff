package cn.qingfeng.rectification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A progress report of an item, in the cycle it was made. */
@Entity
@Table(name = "rectification_progress")
public class RectificationProgressEntity {
    @Id
    public UUID id;
    @Column(name = "item_id", nullable = false, updatable = false)
    public UUID itemId;
    @Column(nullable = false)
    public int cycle;
    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;
    @Column(nullable = false)
    public String content;
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;
    @Column(name = "reported_by_name")
    public String reportedByName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
