package cn.qingfeng.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The local profile of a person (or service account), kept current from their tokens. */
@Entity
@Table(name = "app_user")
public class AppUserEntity {

    @Id
    public String subject;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "unit_id")
    public UUID unitId;

    /** Comma-separated realm roles as of the last token. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
