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

    @Column(nullable = false, updatable = false)
    public UUID id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "actor_subject", updatable = false)
    public String actorSubject;

    @Column(name = "actor_name", updatable = false)
    public String actorName;

    @Column(nullable = false, updatable = false)
    public String client;

    @Column(name = "client_id", updatable = false)
    public String clientId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "entity_type", nullable = false, updatable = false)
    public String entityType;

    @Column(name = "entity_id", updatable = false)
    public String entityId;

    @Column(name = "unit_id", updatable = false)
    public UUID unitId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public Map<String, Object> changes;

    @Column(name = "request_id", updatable = false)
    public String requestId;
}
