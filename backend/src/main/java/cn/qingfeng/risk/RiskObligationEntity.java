package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
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

/**
 * Something a unit owed: a review by a date or a report by a moment. A review is due by the end of
 * its day ({@code dueAt} = start of the next day, Asia/Shanghai); a report by the exact moment.
 */
@Entity
@Table(name = "risk_obligation")
public class RiskObligationEntity {
    @Id
    public UUID id;
    @Column(name = "risk_id", nullable = false)
    public UUID riskId;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObligationKind kind;
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;
    @Column(name = "fulfilled_by_name")
    public String fulfilledByName;
    @Column(name = "fulfilment_id")
    public UUID fulfilmentId;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "missed_flagged_at")
    public Instant missedFlaggedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Version
    public long version;

    public boolean open() {
        return fulfilledAt == null && cancelledAt == null;
    }

    /** The state at {@code now}; the same rule as {@link RiskObligations#stateCondition}. */
    public ObligationState state(Instant now) {
        if (cancelledAt != null) {
            return ObligationState.CANCELLED;
        }
        if (fulfilledAt != null) {
            return fulfilledAt.isAfter(dueAt) ? ObligationState.LATE : ObligationState.MET;
        }
        return now.isAfter(dueAt) ? ObligationState.MISSING : ObligationState.PENDING;
    }
}
