package cn.qingfeng.rectification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A verified close-off (销号) of one cycle, with its evidence frozen; append-only. */
@Entity
@Immutable
@Table(name = "rectification_closure")
public class RectificationClosureEntity {
    @Id
    public UUID id;
    public UUID itemId;
    public int cycle;
    public String appliedBy;
    public String appliedByName;
    public String verifiedBy;
    public String verifiedByName;
    public String opinion;
    public LocalDate verifiedOn;
    /** [{attachmentId, ownerType, filename, sha256, sizeBytes}] as they were at the close-off. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Map<String, Object>> evidence;
    public Instant createdAt;
}
