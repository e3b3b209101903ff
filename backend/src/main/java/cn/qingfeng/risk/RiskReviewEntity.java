package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Level;
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
    public UUID riskId;
    public LocalDate reviewedOn;
    public LocalDate dueOn;
    public String participants;
    public String conclusion;
    @Enumerated(EnumType.STRING)
    public Level levelBefore;
    @Enumerated(EnumType.STRING)
    public Level levelAfter;
    public String reviewedBy;
    public String reviewedByName;
    public Instant createdAt;
}
