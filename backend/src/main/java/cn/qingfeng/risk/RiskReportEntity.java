package cn.qingfeng.risk;

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
    public UUID riskId;
    public UUID obligationId;
    public String recipient;
    public String documentNo;
    public String content;
    public String reportedBy;
    public String reportedByName;
    public Instant createdAt;
}
