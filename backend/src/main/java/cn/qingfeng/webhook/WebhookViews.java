package cn.qingfeng.webhook;

import cn.qingfeng.common.web.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook API answers. Secrets never appear except once, in {@link SubscriptionWithSecret}. */
public final class WebhookViews {

    private WebhookViews() {
    }

    @Schema(name = "WebhookSubscription")
    public record Subscription(
            UUID id, String name, String url,
            @Schema(enumeration = {"GENERIC", "WEAVER", "SEEYON", "LANDRAY"}) String adapter,
            @Schema(description = "Event types delivered; empty: all. An entry ending in '.' is a prefix, e.g. 'todo.'") List<String> eventTypes,
            @Schema(description = "Adapter settings; secret-like values (password, token, secret) come back as ••••") Map<String, String> settings,
            @Schema(enumeration = {"ACTIVE", "DISABLED"}) String status,
            @Schema(description = "Why it was disabled, e.g. the receiver answered 410") String disabledReason,
            @Schema(description = "The last 4 characters of the current secret") String secretHint,
            @Schema(description = "Until when the previous secret still signs beside the new one") Instant previousSecretValidUntil,
            Instant createdAt, Instant updatedAt, Stats stats, long version) implements Versioned {
    }

    @Schema(name = "WebhookSubscriptionStats", description = "Deliveries of the subscription in the log, by state")
    public record Stats(long pending, long delivered, long dead) {
    }

    @Schema(name = "WebhookSubscriptionWithSecret", description = "A subscription and its new signing secret: the only time the secret is shown")
    public record SubscriptionWithSecret(Subscription subscription,
                                         @Schema(description = "whsec_… (Standard Webhooks); keep it, it is not shown again") String secret)
            implements Versioned {
        @Override
        public long version() {
            return subscription.version();
        }
    }

    @Schema(name = "WebhookDelivery")
    public record Delivery(
            UUID id, UUID subscriptionId, String subscriptionName,
            @Schema(description = "The stable webhook-id of every attempt: the journal event's id") UUID eventId,
            String eventType, String entityType, String entityId,
            @Schema(enumeration = {"PENDING", "RETRYING", "DELIVERED", "SKIPPED", "DEAD"}) String status,
            int attempts, Instant nextAttemptAt, Integer lastStatusCode, Integer lastLatencyMs, String lastError,
            Instant createdAt, Instant deliveredAt) {
    }

    @Schema(name = "WebhookAttempt")
    public record Attempt(Instant at,
                          @Schema(enumeration = {"DELIVERED", "SKIPPED", "RETRY", "GONE", "REJECTED"}) String outcome,
                          Integer statusCode, int latencyMs,
                          @Schema(description = "The first ≤ 1,000 characters of the answer, or the error") String responseExcerpt) {
    }

    @Schema(name = "WebhookDeliveryDetail")
    public record DeliveryDetail(Delivery delivery,
                                 @Schema(description = "The event as delivered: type, timestamp, data") Map<String, Object> payload,
                                 List<Attempt> attempts) {
    }

    @Schema(name = "WebhookReplayResult")
    public record ReplayResult(@Schema(description = "Deliveries due again now") int replayed) {
    }

    @Schema(name = "WebhookAllowedHost")
    public record AllowedHost(String host, String note, String addedBy, Instant addedAt) {
    }

    @Schema(name = "WebhookAllowedHostList")
    public record AllowedHostList(List<AllowedHost> items) {
    }

    @Schema(name = "WebhookEventType")
    public record EventType(@Schema(example = "task.issued") String type, @Schema(example = "task") String ledger) {
    }

    @Schema(name = "WebhookEventTypeList")
    public record EventTypeList(List<EventType> items) {
    }
}
