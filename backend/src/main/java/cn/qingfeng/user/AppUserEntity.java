package cn.qingfeng.user;

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

    public String displayName;

    public String unitCode;

    public UUID unitId;

    /** Comma-separated realm roles as of the last token. */
    public String roles;

    public String clientId;

    public Instant firstSeenAt;

    public Instant lastSeenAt;
}
