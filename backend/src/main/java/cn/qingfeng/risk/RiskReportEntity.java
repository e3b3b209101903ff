package cn.qingfeng.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A report of a 重大 risk to the bureau; the time it reached the system decides on time or late. */
@Entity
@Table(name = "risk_report")
public class RiskReportEntity {
    @Id
    public UUID id;
    @Column(name = "risk_id", nullable = false)
    public UUID riskId;
    @Column(name = "obligation_id")
    public UUID obligationId;
    @Column(nullable = false)
    public String recipient;
    @Column(name = "document_no")
    public String documentNo;
    @Column(nullable = false)
    public String content;
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;
    @Column(name = "reported_by_name")
    public String reportedByName;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
