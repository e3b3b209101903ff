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
    @Column(name = "item_id", nullable = false)
    public UUID itemId;
    @Column(nullable = false)
    public int cycle;
    @Column(name = "applied_by", nullable = false)
    public String appliedBy;
    @Column(name = "applied_by_name")
    public String appliedByName;
    @Column(name = "verified_by", nullable = false)
    public String verifiedBy;
    @Column(name = "verified_by_name")
    public String verifiedByName;
    @Column(nullable = false)
    public String opinion;
    @Column(name = "verified_on", nullable = false)
    public LocalDate verifiedOn;
    /** [{attachmentId, ownerType, filename, sha256, sizeBytes}] as they were at the close-off. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Map<String, Object>> evidence;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
