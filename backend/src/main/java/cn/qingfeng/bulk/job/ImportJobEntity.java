package cn.qingfeng.bulk.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded file's way through dry run and commit. */
@Entity
@Table(name = "import_job")
public class ImportJobEntity {

    @Id
    public UUID id;

    public String ledger;

    public String fileName;

    public String format;

    public String encoding;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    public String conflict;

    public boolean validRowsOnly;

    /** The user's header mapping: sheet → (header → column key, "" to ignore). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Map<String, String>> mapping = new LinkedHashMap<>();

    /** How the file's headers were matched, for the mapping step: [{sheet, header, key}]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Map<String, String>> headers = List.of();

    /** rows, valid, invalid, created, updated, unchanged, skipped, rejected. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Integer> counts = new LinkedHashMap<>();

    public int problemCount;

    public String failure;

    public String createdBy;

    public String createdByName;

    public String createdByUser;

    public String createdByUnit;

    /** The importer's unit: the job is seen where that unit's records are. */
    public UUID unitId;

    public String createdByRoles;

    public String clientId;

    public Instant createdAt;

    public Instant finishedAt;

    @Version
    public long version;
}
