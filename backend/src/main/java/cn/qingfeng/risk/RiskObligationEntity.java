package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.ObligationKind;
import cn.qingfeng.risk.RiskEnums.ObligationState;
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
    public UUID riskId;
    public UUID unitId;
    @Enumerated(EnumType.STRING)
    public ObligationKind kind;
    public LocalDate dueOn;
    public Instant dueAt;
    public Instant fulfilledAt;
    public String fulfilledByName;
    public UUID fulfilmentId;
    public Instant cancelledAt;
    public String cancelReason;
    public Instant missedFlaggedAt;
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
