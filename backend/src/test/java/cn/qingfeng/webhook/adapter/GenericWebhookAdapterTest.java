package cn.qingfeng.webhook.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingfeng.todo.TodoEvents;
import cn.qingfeng.webhook.OutboundEvent;
import cn.qingfeng.webhook.adapter.DeliveryResult.Outcome;
import cn.qingfeng.webhook.adapter.StubServer.Reply;
import cn.qingfeng.webhook.signing.WebhookSecrets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GENERIC against a receiver stub; signatures are checked with the Standard Webhooks reference
 * library ({@code com.standardwebhooks:standardwebhooks}), not with our own code.
 */
class GenericWebhookAdapterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Instant.now());
    private final GenericWebhookAdapter adapter = new GenericWebhookAdapter(clock);
    private StubServer receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private StubServer receiver(StubServer.Handler h) throws Exception {
        receiver = new StubServer(h);
        return receiver;
    }

    private static Map<String, List<String>> headers(StubServer.Request r) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        r.headers().forEach(m::put);
        return m;
    }

    @Test
    void sendsAStandardWebhooksMessageWithCloudEventsNames() throws Exception {
        StubServer rx = receiver(r -> Reply.of(204, "text/plain", ""));
        String secret = WebhookSecrets.generate();
        Fixtures.Todo todo = new Fixtures.Todo(UUID.randomUUID(), "cg_officer");
        OutboundEvent event = todo.next(TodoEvents.CREATED, "OPEN");

        DeliveryResult result = adapter.deliver(event, Fixtures.target(rx.base().resolve("/hooks/qf"), Map.of(), List.of(secret), Duration.ofSeconds(10)));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.statusCode()).isEqualTo(204);
        StubServer.Request r = rx.requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/qf");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("User-Agent")).contains("Qingfeng");
        assertThat(r.header("webhook-id")).isEqualTo(event.id());
        assertThat(Long.parseLong(r.header("webhook-timestamp"))).isEqualTo(clock.instant().getEpochSecond());
        assertThatCode(() -> new Webhook(secret).verify(r.body(), headers(r))).doesNotThrowAnyException();

        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("type").asText()).isEqualTo("todo.created");
        assertThat(body.get("timestamp").asText()).isEqualTo(event.timestamp().toString());
        assertThat(body.get("specversion").asText()).isEqualTo("1.0");
        assertThat(body.get("id").asText()).isEqualTo(event.id());
        assertThat(body.get("source").asText()).isEqualTo("qingfeng");
        assertThat(body.get("subject").asText()).isEqualTo("todo/" + todo.todoId);
        assertThat(body.get("time").asText()).isEqualTo(event.timestamp().toString());
        assertThat(body.at("/data/changes/state").asText()).isEqualTo("OPEN");
        assertThat(body.at("/data/actor/name").asText()).isEqualTo("王监督");
    }

    @Test
    void duringRotationBothSecretsVerifyEachOnItsOwn() throws Exception {
        StubServer rx = receiver(r -> Reply.of(200, "text/plain", "ok"));
        String fresh = WebhookSecrets.generate();
        String old = WebhookSecrets.generate();
        OutboundEvent event = Fixtures.taskIssued();

        assertThat(adapter.deliver(event, Fixtures.target(rx.base(), Map.of(), List.of(fresh, old), Duration.ofSeconds(10))).outcome())
                .isEqualTo(Outcome.DELIVERED);

        StubServer.Request r = rx.requests.get(0);
        assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(fresh).verify(r.body(), headers(r))).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(old).verify(r.body(), headers(r))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(WebhookSecrets.generate()).verify(r.body(), headers(r)))
                .isInstanceOf(WebhookVerificationException.class);
        // The receiver that only knows the old secret, before it learns the new one:
        Map<String, List<String>> onlyOld = headers(r);
        onlyOld.put("Webhook-signature", List.of(r.header("webhook-signature").split(" ")[1]));
        assertThatCode(() -> new Webhook(old).verify(r.body(), onlyOld)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(fresh).verify(r.body(), onlyOld)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theBodyIsTheSameBytesOnEveryRetryOnlyTheTimestampMoves() throws Exception {
        StubServer rx = receiver(r -> Reply.of(200, "text/plain", "ok"));
        String secret = WebhookSecrets.generate();
        OutboundEvent event = Fixtures.taskIssued();
        Target target = Fixtures.target(rx.base(), Map.of(), List.of(secret), Duration.ofSeconds(10));

        adapter.deliver(event, target);
        clock.advance(Duration.ofSeconds(65));
        // The same event read back from storage: its maps in another order.
        Map<String, Object> reordered = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(event.data().keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reordered.put(k, event.data().get(k)));
        adapter.deliver(new OutboundEvent(event.id(), event.type(), event.timestamp(), reordered), target);

        StubServer.Request first = rx.requests.get(0);
        StubServer.Request retry = rx.requests.get(1);
        assertThat(retry.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(first.body().getBytes(StandardCharsets.UTF_8));
        assertThat(retry.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(Long.parseLong(retry.header("webhook-timestamp")) - Long.parseLong(first.header("webhook-timestamp"))).isEqualTo(65);
        assertThat(retry.header("webhook-signature")).isNotEqualTo(first.header("webhook-signature"));
        assertThatCode(() -> new Webhook(secret).verify(retry.body(), headers(retry))).doesNotThrowAnyException();
    }

    @Test
    void goneDisablesRetryAfterIsHonouredRedirectsAreNotFollowed() throws Exception {
        StubServer rx = receiver(r -> switch (r.path()) {
            case "/gone" -> Reply.of(410, "text/plain", "unsubscribed");
            case "/busy" -> Reply.of(503, "text/plain", "maintenance").with("Retry-After", "120");
            case "/busy-until" -> Reply.of(429, "text/plain", "slow down").with("Retry-After",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(600).atOffset(ZoneOffset.UTC)));
            case "/moved" -> Reply.of(302, "text/plain", "").with("Location", "/elsewhere");
            case "/huge" -> Reply.of(200, "text/plain", "x".repeat(300_000));
            default -> Reply.of(404, "text/plain", "no such hook");
        });
        OutboundEvent e = Fixtures.taskIssued();
        List<String> secrets = List.of(WebhookSecrets.generate());

        DeliveryResult gone = adapter.deliver(e, Fixtures.target(rx.base().resolve("/gone"), Map.of(), secrets, Duration.ofSeconds(10)));
        assertThat(gone.outcome()).isEqualTo(Outcome.GONE);
        assertThat(gone.statusCode()).isEqualTo(410);

        DeliveryResult busy = adapter.deliver(e, Fixtures.target(rx.base().resolve("/busy"), Map.of(), secrets, Duration.ofSeconds(10)));
        assertThat(busy.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(busy.responseExcerpt()).isEqualTo("maintenance");

        DeliveryResult until = adapter.deliver(e, Fixtures.target(rx.base().resolve("/busy-until"), Map.of(), secrets, Duration.ofSeconds(10)));
        assertThat(until.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(until.retryAfter()).isBetween(Duration.ofSeconds(599), Duration.ofSeconds(600));

        DeliveryResult moved = adapter.deliver(e, Fixtures.target(rx.base().resolve("/moved"), Map.of(), secrets, Duration.ofSeconds(10)));
        assertThat(moved.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(rx.requestsTo("/elsewhere")).isEmpty();

        DeliveryResult missing = adapter.deliver(e, Fixtures.target(rx.base().resolve("/nowhere"), Map.of(), secrets, Duration.ofSeconds(10)));
        assertThat(missing.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(missing.statusCode()).isEqualTo(404);

        DeliveryResult huge = adapter.deliver(e, Fixtures.target(rx.base().resolve("/huge"), Map.of(), secrets, Duration.ofSeconds(10)));
        assertThat(huge.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(huge.responseExcerpt()).hasSize(DeliveryResult.EXCERPT);
    }

    @Test
    void aSlowReceiverIsARetryAfterTheTimeout() throws Exception {
        StubServer rx = receiver(r -> {
            receiver.awaitRelease();
            return Reply.of(200, "text/plain", "too late");
        });
        DeliveryResult r = adapter.deliver(Fixtures.taskIssued(),
                Fixtures.target(rx.base(), Map.of(), List.of(WebhookSecrets.generate()), Duration.ofMillis(300)));
        rx.release.countDown();
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.statusCode()).isZero();
        assertThat(r.responseExcerpt()).contains("HttpTimeoutException");
        assertThat(r.latencyMs()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void anUnreachableReceiverIsARetry() throws Exception {
        StubServer rx = receiver(r -> Reply.of(200, "text/plain", "ok"));
        URI closed = rx.base();
        rx.close();
        DeliveryResult r = adapter.deliver(Fixtures.taskIssued(), Fixtures.target(closed, Map.of(), List.of(WebhookSecrets.generate()), Duration.ofSeconds(5)));
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.statusCode()).isZero();
        assertThat(r.responseExcerpt()).isNotBlank();
    }

    @Test
    void retryAfterParsing() {
        Instant now = Instant.parse("2026-04-01T00:00:00Z");
        assertThat(DeliveryHttp.retryAfter("0", now)).isEqualTo(Duration.ZERO);
        assertThat(DeliveryHttp.retryAfter(" 3600 ", now)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliveryHttp.retryAfter("Wed, 01 Apr 2026 00:05:00 GMT", now)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DeliveryHttp.retryAfter("Tue, 31 Mar 2026 23:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(DeliveryHttp.retryAfter("soon", now)).isNull();
        assertThat(DeliveryHttp.retryAfter("-5", now)).isNull();
        assertThat(DeliveryHttp.retryAfter(null, now)).isNull();
    }
}
