package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A review (研判记录). {@code dueOn} is the review date it answered, if one was due. */
@Entity
@Table(name = "risk_review")
public class RiskReviewEntity {
    @Id
    public UUID id;
    @Column(name = "risk_id", nullable = false)
    public UUID riskId;
    @Column(name = "reviewed_on", nullable = false)
    public LocalDate reviewedOn;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(nullable = false)
    public String participants;
    @Column(nullable = false)
    public String conclusion;
    @Enumerated(EnumType.STRING)
    @Column(name = "level_before")
    public Level levelBefore;
    @Enumerated(EnumType.STRING)
    @Column(name = "level_after")
    public Level levelAfter;
    @Column(name = "reviewed_by", nullable = false)
    public String reviewedBy;
    @Column(name = "reviewed_by_name")
    public String reviewedByName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
