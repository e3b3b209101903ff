package cn.qingfeng.integration.oa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One OA login and the Qingfeng user (Keycloak username) it is. */
@Entity
@Table(name = "oa_user_mapping")
public class OaUserEntity {

    @Id
    public String oaLogin;

    public String username;

    public String displayName;

    public String note;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;
}
