package cn.qingfeng.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the scoring matrix; never changed once written. */
@Entity
@Immutable
@Table(name = "risk_matrix")
public class RiskMatrixEntity {
    @Id
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "likelihood_labels", nullable = false, columnDefinition = "jsonb")
    public List<String> likelihoodLabels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "impact_labels", nullable = false, columnDefinition = "jsonb")
    public List<String> impactLabels;
    @Column(name = "major_min", nullable = false)
    public int majorMin;
    @Column(name = "significant_min", nullable = false)
    public int significantMin;
    @Column(name = "general_min", nullable = false)
    public int generalMin;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> colours;
    public String note;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_by_name")
    public String createdByName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The level of a score under this version's thresholds. */
    public RiskEnums.Level level(int score) {
        return RiskMatrix.level(score, majorMin, significantMin, generalMin);
    }
}
