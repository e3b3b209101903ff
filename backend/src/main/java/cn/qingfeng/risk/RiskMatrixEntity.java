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
    @Column(columnDefinition = "jsonb")
    public List<String> likelihoodLabels;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> impactLabels;
    public int majorMin;
    public int significantMin;
    public int generalMin;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> colours;
    public String note;
    public String createdBy;
    public String createdByName;
    public Instant createdAt;

    /** The level of a score under this version's thresholds. */
    public RiskEnums.Level level(int score) {
        return RiskMatrix.level(score, majorMin, significantMin, generalMin);
    }
}
