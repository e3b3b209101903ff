package cn.qingfeng.report;

import cn.qingfeng.report.ReportViews.Figure;
import cn.qingfeng.report.ReportViews.Reason;
import cn.qingfeng.report.ReportViews.Section;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One saved state of a report: drafted, edited or refreshed. */
@Entity
@Immutable
@Table(name = "report_revision")
public class ReportRevisionEntity {
    @Id
    public UUID id;
    public UUID reportId;
    public long version;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    public String title;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Section> sections;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Figure> figures;
    public String byName;
    public Instant at;
}
