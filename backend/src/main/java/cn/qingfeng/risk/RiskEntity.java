package cn.qingfeng.risk;

import cn.qingfeng.common.ledger.LedgerEntity;
import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import cn.qingfeng.risk.RiskEnums.Status;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A risk point (风险点). The grading fields hold the current grade; history is in risk_grading. */
@Entity
@Table(name = "risk")
public class RiskEntity extends LedgerEntity<Status> {
    @Column(updatable = false)
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String manifestation;
    public UUID unitId;
    public String responsibleLeader;
    public String responsiblePerson;
    public Integer likelihood;
    public Integer impact;
    public Integer score;
    @Enumerated(EnumType.STRING)
    public Level level;
    public Integer matrixVersion;
    public Integer residualLikelihood;
    public Integer residualImpact;
    public Integer residualScore;
    @Enumerated(EnumType.STRING)
    public Level residualLevel;
    public Instant gradedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public ReviewCycle reviewCycleOverride;
    public LocalDate nextReviewOn;
    public LocalDate lastReviewedOn;
    public String externalSource;
    public String externalRef;
    public String closedReason;
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
