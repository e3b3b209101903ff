package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.Category;
import cn.qingfeng.risk.RiskEnums.Level;
import cn.qingfeng.risk.RiskEnums.ReviewCycle;
import cn.qingfeng.risk.RiskEnums.Status;
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

/** A risk point (风险点). The grading fields hold the current grade; history is in risk_grading. */
@Entity
@Table(name = "risk")
public class RiskEntity {
    @Id
    public UUID id;
    @Column(nullable = false, updatable = false)
    public String code;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;
    public String manifestation;
    @Column(name = "unit_id", nullable = false)
    public UUID unitId;
    @Column(name = "responsible_leader")
    public String responsibleLeader;
    @Column(name = "responsible_person")
    public String responsiblePerson;
    public Integer likelihood;
    public Integer impact;
    public Integer score;
    @Enumerated(EnumType.STRING)
    public Level level;
    @Column(name = "matrix_version")
    public Integer matrixVersion;
    @Column(name = "residual_likelihood")
    public Integer residualLikelihood;
    @Column(name = "residual_impact")
    public Integer residualImpact;
    @Column(name = "residual_score")
    public Integer residualScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "residual_level")
    public Level residualLevel;
    @Column(name = "graded_at")
    public Instant gradedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_cycle_override")
    public ReviewCycle reviewCycleOverride;
    @Column(name = "next_review_on")
    public LocalDate nextReviewOn;
    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;
    @Column(name = "external_source")
    public String externalSource;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "closed_reason")
    public String closedReason;
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
