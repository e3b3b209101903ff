package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.LedgerEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A measure (整改措施 of a rectification item, 管控措施 of a risk) with its own owner, deadline and
 * state. Its events are journaled on the record it belongs to, so they show on that record's timeline.
 */
@Entity
@Table(name = "measure")
public class MeasureEntity extends LedgerEntity<MeasureStatus> {
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public MeasureOwnerType ownerType;
    @Column(updatable = false)
    public UUID ownerId;
    @Column(updatable = false)
    public UUID unitId;
    /** The review (研判) that added it, if one did. */
    @Column(updatable = false)
    public UUID reviewId;
    public String content;
    public String ownerName;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public MeasureStatus status;
    public Instant doneAt;
    public String waiveReason;
    /** What shows it was carried out; files are attachments of the owner's measure type. */
    public String evidence;
    public int sortOrder;

    @Override
    public MeasureStatus state() {
        return status;
    }

    @Override
    protected void state(MeasureStatus state) {
        status = state;
    }

    /** Done or waived at that moment; the reason goes with a waiver. */
    @Override
    public void moveTo(MeasureStatus state, Instant at) {
        super.moveTo(state, at);
        doneAt = state == MeasureStatus.OPEN ? null : at;
        waiveReason = state == MeasureStatus.WAIVED ? waiveReason : null;
    }

    /** Journaled on the record it belongs to, so it shows on that record's timeline. */
    @Override
    public UUID journalId() {
        return ownerId;
    }

    @Override
    public UUID journalUnitId() {
        return unitId;
    }
}
