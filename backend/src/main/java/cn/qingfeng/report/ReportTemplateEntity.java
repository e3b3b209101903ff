package cn.qingfeng.report;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The Word template an admin uploaded in place of the built-in one. */
@Entity
@Table(name = "report_template")
public class ReportTemplateEntity {
    public static final int ID = 1;
    @Id
    public int id;
    public byte[] content;
    public String fileName;
    public String uploadedByName;
    public Instant uploadedAt;
}
