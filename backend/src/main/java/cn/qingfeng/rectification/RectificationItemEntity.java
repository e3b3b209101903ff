package cn.qingfeng.rectification;

import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Origin;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationEnums.Status;
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

/** A rectification item (整改事项). {@code cycle} counts how often it was (re)opened. */
@Entity
@Table(name = "rectification_item")
public class RectificationItemEntity {
    @Id
    public UUID id;
    @Column(nullable = false, updatable = false)
    public String code;
    @Column(nullable = false)
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;
    @Column(name = "found_on", nullable = false)
    public LocalDate foundOn;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Column(name = "responsible_leader")
    public String responsibleLeader;
    @Column(name = "responsible_person")
    public String responsiblePerson;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    public LocalDate deadline;
    @Column(name = "external_source")
    public String externalSource;
    @Column(name = "external_ref")
    public String externalRef;
    @Enumerated(EnumType.STRING)
    @Column(name = "origin_type")
    public Origin originType;
    @Column(name = "origin_id")
    public UUID originId;
    @Column(name = "origin_note")
    public String originNote;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public int cycle = 1;
    @Column(name = "applied_by")
    public String appliedBy;
    @Column(name = "applied_by_name")
    public String appliedByName;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "last_progress_on")
    public LocalDate lastProgressOn;
    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
    @Column(name = "created_by_name", updatable = false)
    public String createdByName;
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
