package cn.qingfeng.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A host an admin allowed as a receiver although it resolves to an internal address (e.g. the dev test receiver). */
@Entity
@Table(name = "webhook_allowed_host")
public class AllowedHostEntity {

    @Id
    public String host;

    public String note;

    public String addedBy;

    public Instant addedAt;
}
