package cn.qingfeng.webhook.adapter;

import cn.qingfeng.webhook.OutboundEvent;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import cn.qingfeng.webhook.signing.WebhookSigner;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;

/**
 * GENERIC: any subscriber, every event type, as a Standard Webhooks message.
 *
 * <p>Request: {@code POST {subscription url}}, {@code Content-Type: application/json}, headers
 * {@code webhook-id} (the event id, stable over retries), {@code webhook-timestamp} (this attempt,
 * integer seconds), {@code webhook-signature} ({@code v1,…} per secret, space-separated during a
 * rotation), {@code User-Agent} naming Qingfeng. Body: {@code {type, timestamp, data}} as Standard
 * Webhooks asks, with the CloudEvents 1.0 attribute names beside them ({@code specversion},
 * {@code id}, {@code source}, {@code subject} = entityType/entityId, {@code time},
 * {@code datacontenttype}), so CloudEvents tooling reads it as a structured-mode event.
 *
 * <p>The body is byte-stable per event: fixed top-level order, map keys sorted at every level, no
 * attempt-dependent field. Only the timestamp header and the signatures over it change per attempt.
 *
 * <p>Settings: none. Secrets come from the subscription ({@link Target#secrets()}); with none the
 * message goes unsigned.
 */
@ApplicationScoped
public class GenericWebhookAdapter implements DeliveryAdapter {

    public static final String CODE = "GENERIC";
    public static final String SOURCE = "qingfeng";

    private final Clock clock;
    private final ObjectMapper json;

    public GenericWebhookAdapter() {
        this(Clock.systemUTC());
    }

    GenericWebhookAdapter(Clock clock) {
        this.clock = clock;
        this.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public DeliveryResult deliver(OutboundEvent event, Target target) {
        DeliveryHttp http = new DeliveryHttp(target, clock);
        byte[] body;
        String signature = null;
        long timestamp = clock.instant().getEpochSecond();
        try {
            body = body(event);
            if (target.secrets() != null && !target.secrets().isEmpty()) {
                signature = WebhookSigner.signatureHeader(target.secrets(), event.id(), timestamp, body);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A payload we cannot write or a broken secret will not improve by retrying.
            return http.outcome(Outcome.REJECTED, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp));
        if (signature != null) {
            request.header("webhook-signature", signature);
        }
        try {
            return http.result(http.send(request), DeliveryHttp.BodyCheck.ANY);
        } catch (IOException | InterruptedException e) {
            return http.failed(e);
        }
    }

    /** The exact bytes sent for an event; the same on every attempt. */
    public byte[] body(OutboundEvent event) throws JsonProcessingException {
        Map<String, Object> data = event.data();
        String subject = data != null && data.get("entityType") != null && data.get("entityId") != null
                ? data.get("entityType") + "/" + data.get("entityId") : null;
        String time = event.timestamp().toString();
        return json.writeValueAsBytes(new Envelope("1.0", event.id(), SOURCE, event.type(), subject, time,
                "application/json", time, data));
    }

    /** Standard Webhooks' {type, timestamp, data} with CloudEvents' attribute names alongside. */
    @JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "timestamp", "data"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Envelope(String specversion, String id, String source, String type, String subject, String time,
                    String datacontenttype, String timestamp, Map<String, Object> data) {
    }
}
