package cn.qingfeng.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One journal row. Append-only: inserted with its change, never updated (the database refuses). */
@Entity
@Immutable
@Table(name = "event")
public class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(updatable = false)
    public UUID id;

    @Column(updatable = false)
    public Instant occurredAt;

    @Column(updatable = false)
    public String actorSubject;

    @Column(updatable = false)
    public String actorName;

    @Column(updatable = false)
    public String client;

    @Column(updatable = false)
    public String clientId;

    @Column(updatable = false)
    public String action;

    @Column(updatable = false)
    public String entityType;

    @Column(updatable = false)
    public String entityId;

    @Column(updatable = false)
    public UUID unitId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false, columnDefinition = "jsonb")
    public Map<String, Object> changes;

    @Column(updatable = false)
    public String requestId;
}
