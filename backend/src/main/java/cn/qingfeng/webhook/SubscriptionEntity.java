package cn.qingfeng.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A receiver of outbound events: where, through which adapter, which event types, signed with which secrets. */
@Entity
@Table(name = "webhook_subscription")
public class SubscriptionEntity {

    public enum Adapter { GENERIC, WEAVER, SEEYON, LANDRAY }

    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;

    public String name;

    public String url;

    @Enumerated(EnumType.STRING)
    public Adapter adapter;

    @Column(columnDefinition = "text[]")
    public String[] eventTypes = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, String> settings = new HashMap<>();

    public String secret;

    public String previousSecret;

    public Instant previousSecretValidUntil;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String disabledReason;

    @Column(updatable = false)
    public String createdBy;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** The secrets that sign now, newest first: the previous one too while its overlap lasts. */
    public List<String> signingSecrets(Instant now) {
        if (previousSecret != null && previousSecretValidUntil != null && now.isBefore(previousSecretValidUntil)) {
            return List.of(secret, previousSecret);
        }
        return List.of(secret);
    }
}
