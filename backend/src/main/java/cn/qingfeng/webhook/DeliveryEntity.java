package cn.qingfeng.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One journal event owed to one subscription, until it is delivered or dead. Rows are written by SQL (feed, lease). */
@Entity
@Table(name = "webhook_delivery")
public class DeliveryEntity {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WebhookDeliveryStatus")
    public enum Status {
        /** Not tried yet (or replayed). */
        PENDING,
        /** Failed at least once; tried again at {@code nextAttemptAt}. */
        RETRYING,
        DELIVERED,
        /** The adapter had nothing to send for this event (e.g. a non-to-do event to an OA). */
        SKIPPED,
        /** The last retry failed, the receiver refused it for good, or answered 410: a dead letter. */
        DEAD
    }

    @Id
    public UUID id;

    public UUID subscriptionId;

    @Column(updatable = false)
    public long eventSeq;

    @Column(updatable = false)
    public UUID eventId;

    @Column(updatable = false)
    public String eventType;

    @Column(updatable = false)
    public String entityType;

    @Column(updatable = false)
    public String entityId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant leasedUntil;

    public Integer lastStatusCode;

    public Integer lastLatencyMs;

    public String lastError;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant deliveredAt;
}
