package cn.qingfeng.risk;

import cn.qingfeng.risk.RiskEnums.GradingSource;
import cn.qingfeng.risk.RiskEnums.Level;
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
    public UUID riskId;
    @Enumerated(EnumType.STRING)
    public GradingSource source;
    public int likelihood;
    public int impact;
    public int score;
    @Enumerated(EnumType.STRING)
    public Level level;
    public Integer residualLikelihood;
    public Integer residualImpact;
    public Integer residualScore;
    @Enumerated(EnumType.STRING)
    public Level residualLevel;
    public int matrixVersion;
    @Enumerated(EnumType.STRING)
    public Level previousLevel;
    public Integer previousScore;
    public Integer previousMatrixVersion;
    public String reason;
    public UUID reviewId;
    public String gradedBy;
    public String gradedByName;
    public Instant gradedAt;
}
