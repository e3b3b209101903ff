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
    @Column(updatable = false)
    public UUID itemId;
    public int cycle;
    public LocalDate reportedOn;
    public String content;
    public String reportedBy;
    public String reportedByName;
    public Instant createdAt;
}
