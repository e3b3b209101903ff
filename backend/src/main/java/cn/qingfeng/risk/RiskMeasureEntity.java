package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.MeasureStatus;
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

/** A control measure (管控措施); {@code reviewId} names the review that added it, if one did. */
@Entity
@Table(name = "risk_measure")
public class RiskMeasureEntity {
    @Id
    public UUID id;
    @Column(name = "risk_id", nullable = false)
    public UUID riskId;
    @Column(name = "review_id")
    public UUID reviewId;
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
    /** What shows the measure was carried out; files are attachments of owner type RISK_MEASURE. */
    public String evidence;
    @Column(name = "sort_order")
    public int sortOrder;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;
}
