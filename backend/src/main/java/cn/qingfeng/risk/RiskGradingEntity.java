package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.GradingSource;
import cn.qingfeng.risk.RiskEnums.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One grading of a risk, with the grade it replaced; append-only. */
@Entity
@Immutable
@Table(name = "risk_grading")
public class RiskGradingEntity {
    @Id
    public UUID id;
    @Column(name = "risk_id", nullable = false)
    public UUID riskId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GradingSource source;
    public int likelihood;
    public int impact;
    public int score;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Level level;
    @Column(name = "residual_likelihood")
    public Integer residualLikelihood;
    @Column(name = "residual_impact")
    public Integer residualImpact;
    @Column(name = "residual_score")
    public Integer residualScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "residual_level")
    public Level residualLevel;
    @Column(name = "matrix_version", nullable = false)
    public int matrixVersion;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_level")
    public Level previousLevel;
    @Column(name = "previous_score")
    public Integer previousScore;
    @Column(name = "previous_matrix_version")
    public Integer previousMatrixVersion;
    public String reason;
    @Column(name = "review_id")
    public UUID reviewId;
    @Column(name = "graded_by", nullable = false)
    public String gradedBy;
    @Column(name = "graded_by_name")
    public String gradedByName;
    @Column(name = "graded_at", nullable = false)
    public Instant gradedAt;
}
