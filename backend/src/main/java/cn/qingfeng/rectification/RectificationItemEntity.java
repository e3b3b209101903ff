package cn.qingfeng.rectification;

import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Origin;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.common.ledger.LedgerRecord;
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
public class RectificationItemEntity implements LedgerRecord<Status> {
    @Id
    public UUID id;
    @Column(updatable = false)
    public String code;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public LocalDate foundOn;
    public UUID unitId;
    public String responsibleLeader;
    public String responsiblePerson;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public LocalDate deadline;
    public String externalSource;
    public String externalRef;
    @Enumerated(EnumType.STRING)
    public Origin originType;
    public UUID originId;
    public String originNote;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int cycle = 1;
    public String appliedBy;
    public String appliedByName;
    public Instant appliedAt;
    public String rejectionReason;
    public Instant closedAt;
    public LocalDate lastProgressOn;
    @Column(updatable = false)
    public String createdBy;
    @Column(updatable = false)
    public String createdByName;
    @Column(updatable = false)
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    @Override
    public Status state() {
        return status;
    }

    @Override
    public void moveTo(Status state, Instant at) {
        status = state;
        updatedAt = at;
    }

    @Override
    public void touch(Instant at) {
        updatedAt = at;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public UUID journalId() {
        return id;
    }

    @Override
    public UUID journalUnitId() {
        return unitId;
    }
}
