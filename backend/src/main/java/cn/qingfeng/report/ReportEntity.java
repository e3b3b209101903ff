package cn.qingfeng.report;

import cn.qingfeng.report.ReportViews.Figure;
import cn.qingfeng.report.ReportViews.Section;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A report drafted from the ledgers: its sections (drafted and edited text) and the figures they state. */
@Entity
@Table(name = "report")
public class ReportEntity {
    @Id
    public UUID id;
    public String title;
    public String periodCode;
    public LocalDate periodFrom;
    public LocalDate periodTo;
    /** Null: the bureau's report (every unit). */
    public UUID unitId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Section> sections;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Figure> figures;
    public Instant figuresAt;
    @Version
    public long version;
    public String createdBy;
    public String createdByName;
    public Instant createdAt;
    public String updatedByName;
    public Instant updatedAt;
}
