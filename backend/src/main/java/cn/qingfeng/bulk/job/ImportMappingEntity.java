package cn.qingfeng.bulk.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's named header mapping for a ledger, reused for the next file of the same layout. */
@Entity
@Table(name = "import_mapping")
public class ImportMappingEntity {

    @Id
    public UUID id;

    public String ledger;

    public String name;

    public String owner;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Map<String, String>> mapping;

    public Instant createdAt;
}
