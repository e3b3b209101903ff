package cn.qingfeng.rectification;

import cn.qingfeng.rectification.RectificationEnums.Category;
import cn.qingfeng.rectification.RectificationEnums.Kind;
import cn.qingfeng.rectification.RectificationEnums.Origin;
import cn.qingfeng.rectification.RectificationEnums.Severity;
import cn.qingfeng.rectification.RectificationEnums.Source;
import cn.qingfeng.rectification.RectificationEnums.Status;
import cn.qingfeng.common.ledger.LedgerEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A rectification item (整改事项). {@code cycle} counts how often it was (re)opened. */
@Entity
@Table(name = "rectification_item")
public class RectificationItemEntity extends LedgerEntity<Status> {
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

    @Override
    protected void state(Status state) {
        status = state;
    }

    @Override
    public Status state() {
        return status;
    }

    @Override
    public UUID journalUnitId() {
        return unitId;
    }
}
