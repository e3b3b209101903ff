package cn.qingfeng.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.journal.Changes;
import cn.qingfeng.journal.Journal;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.Receiver;
import cn.qingfeng.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox end to end: journal events become deliveries in their transaction, the dispatcher
 * delivers them to a real HTTP receiver through the GENERIC adapter, retries on the schedule of the
 * application clock, honours Retry-After, stops at 410, keeps a log and replays from it.
 */
@QuarkusTest
class WebhookOutboxTest {

    static Receiver receiver;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Journal journal;

    @Inject
    TestClock clock;

    @BeforeAll
    static void start() throws Exception {
        receiver = new Receiver();
    }

    @org.junit.jupiter.api.BeforeEach
    void allow() {
        disableAll();
        Api.as("admin").body(Map.of("note", "test receiver")).put("/api/v1/webhooks/allowed-hosts/127.0.0.1").then().statusCode(200);
    }

    /** Subscriptions other tests left (e.g. the contract fixtures') must not take this test's events. */
    private static void disableAll() {
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("update webhook_subscription set status = 'DISABLED'").executeUpdate());
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @AfterEach
    void reset() {
        clock.reset();
        receiver.reset();
        // Nothing a test left due may reach the next one's receiver.
        disableAll();
    }

    private String subscribe(String... types) {
        return Api.as("admin").body(Map.of("name", "测试接收方 " + UUID.randomUUID(), "url", receiver.url(), "adapter", "GENERIC",
                        "eventTypes", List.of(types)))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().path("subscription.id");
    }

    /** {@code n} journal events of a type no other test subscribes to, in one transaction. */
    private List<String> events(String type, int n) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(journal.record(type, "task", UUID.randomUUID(), null, Changes.of().set("n", i)).toString());
            }
            return ids;
        });
    }

    /** Dispatches until nothing is due at the clock's now. */
    private void drain() {
        while (dispatcher.dispatchDue() > 0) {
            // next round
        }
    }

    private JsonPath deliveries(String subscriptionId, String status) {
        return Api.as("admin").queryParam("subscriptionId", subscriptionId).queryParam("status", status)
                .queryParam("includeTotal", true).queryParam("limit", 1)
                .get("/api/v1/webhooks/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private long count(String subscriptionId, String status) {
        return deliveries(subscriptionId, status).getLong("total");
    }

    @Test
    void receiverDownForTenMinutesWhileAThousandEventsOccurLosesNothing() {
        String sub = subscribe("task.");
        receiver.mode(Receiver.Mode.DOWN);
        List<String> ids = events("task.updated", 1000);
        assertThat(count(sub, "PENDING")).isEqualTo(1000);

        drain();                                 // first attempts fail
        assertThat(count(sub, "RETRYING")).isEqualTo(1000);
        clock.shift(Duration.ofSeconds(6));      // 5 s (±10 %) later
        drain();
        clock.shift(Duration.ofMinutes(6));      // 5 min later
        drain();
        assertThat(count(sub, "RETRYING")).isEqualTo(1000);
        assertThat(receiver.accepted).isEmpty();

        receiver.mode(Receiver.Mode.UP);         // back after ten minutes (the next retry is 30 min after the last)
        clock.shift(Duration.ofMinutes(4));
        drain();
        assertThat(receiver.accepted).isEmpty(); // not due yet: retries keep their schedule
        clock.shift(Duration.ofMinutes(30));
        drain();

        assertThat(count(sub, "DELIVERED")).isEqualTo(1000);
        assertThat(receiver.accepted).isEqualTo(new HashSet<>(ids));
        assertThat(receiver.duplicates).isEmpty();
        JsonPath one = deliveries(sub, "DELIVERED");
        String deliveryId = one.getString("items[0].id");
        JsonPath detail = Api.as("admin").get("/api/v1/webhooks/deliveries/" + deliveryId).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("attempts.outcome")).containsExactly("RETRY", "RETRY", "RETRY", "DELIVERED");
        assertThat(detail.getList("attempts.statusCode", Integer.class)).containsExactly(503, 503, 503, 200);
        assertThat(detail.getString("payload.type")).isEqualTo("task.updated");
    }

    @Test
    void retryAfterIsHonoured() {
        String sub = subscribe("task.updated");
        receiver.mode(Receiver.Mode.RETRY_AFTER_120);
        events("task.updated", 1);
        Instant before = clock.instant();
        drain();
        JsonPath d = deliveries(sub, "RETRYING");
        Instant next = Instant.parse(d.getString("items[0].nextAttemptAt"));
        // 120 s, not the schedule's 5 s: within the time the attempt itself took
        assertThat(next).isBetween(before.plusSeconds(120), clock.instant().plusSeconds(120));
        clock.shift(Duration.ofSeconds(60));
        drain();
        assertThat(receiver.requests).hasSize(1);
        receiver.mode(Receiver.Mode.UP);
        clock.shift(Duration.ofSeconds(61));
        drain();
        assertThat(count(sub, "DELIVERED")).isEqualTo(1);
    }

    @Test
    void goneDisablesTheSubscriptionAndNothingIsLostUntilItIsEnabledAgain() {
        String sub = subscribe("task.updated");
        receiver.mode(Receiver.Mode.GONE);
        events("task.updated", 1);
        drain();
        JsonPath s = Api.as("admin").get("/api/v1/webhooks/subscriptions/" + sub).then().statusCode(200).extract().jsonPath();
        assertThat(s.getString("status")).isEqualTo("DISABLED");
        assertThat(s.getString("disabledReason")).contains("410");
        assertThat(count(sub, "DEAD")).isEqualTo(1);

        events("task.updated", 1);             // while disabled: not owed to it
        assertThat(count(sub, "PENDING")).isZero();

        receiver.mode(Receiver.Mode.UP);
        String etag = Api.as("admin").get("/api/v1/webhooks/subscriptions/" + sub).then().extract().header("ETag");
        Api.as("admin").header("If-Match", etag).body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/webhooks/subscriptions/" + sub).then().statusCode(200).body("status", equalTo("ACTIVE"));
        events("task.updated", 1);
        drain();
        assertThat(count(sub, "DELIVERED")).isEqualTo(1);
    }

    @Test
    void theLastFailedRetryLeavesADeadLetterThatCanBeReplayed() {
        String sub = subscribe("task.updated");
        receiver.mode(Receiver.Mode.DOWN);
        String eventId = events("task.updated", 1).get(0);
        for (int i = 0; i < 10; i++) {             // the first attempt and nine retries
            drain();
            clock.shift(Duration.ofHours(27));
        }
        assertThat(count(sub, "DEAD")).isEqualTo(1);
        assertThat(receiver.requests).hasSize(10);

        receiver.mode(Receiver.Mode.UP);
        String delivery = deliveries(sub, "DEAD").getString("items[0].id");
        Api.as("admin").post("/api/v1/webhooks/deliveries/" + delivery + "/replay").then().statusCode(200).body("status", equalTo("PENDING"));
        drain();
        assertThat(receiver.accepted).containsExactly(eventId);
        // the same bytes as every earlier attempt: the event is the journal's, immutable
        assertThat(receiver.requests.stream().map(Receiver.Request::body).distinct()).hasSize(1);
    }

    @Test
    void aTimeRangeIsReplayedWithTheSameIds() {
        String sub = subscribe("task.updated");
        Instant from = clock.instant().minusSeconds(1);
        List<String> ids = events("task.updated", 3);
        drain();
        assertThat(receiver.accepted).hasSize(3);
        Api.as("admin").body(Map.of("subscriptionId", sub, "from", from.toString(), "to", clock.instant().plusSeconds(1).toString()))
                .post("/api/v1/webhooks/deliveries/replay").then().statusCode(200).body("replayed", equalTo(3));
        drain();
        assertThat(receiver.duplicates).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aTestEventGoesToItsSubscriptionOnly() {
        String sub = subscribe();                 // everything
        String other = subscribe();
        String delivery = Api.as("admin").post("/api/v1/webhooks/subscriptions/" + sub + "/test").then().statusCode(200)
                .body("eventType", equalTo("webhook.test")).extract().path("id");
        assertThat(Api.as("admin").queryParam("subscriptionId", other).queryParam("eventType", "webhook.test")
                .queryParam("includeTotal", true).get("/api/v1/webhooks/deliveries").then().statusCode(200)
                .extract().jsonPath().getLong("total")).isZero();
        drain();
        JsonPath d = Api.as("admin").get("/api/v1/webhooks/deliveries/" + delivery).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("delivery.status")).isEqualTo("DELIVERED");
    }

    @Test
    void internalAddressesAreRefusedUnlessTheHostIsAllowed() {
        Set<String> refused = Set.of("http://localhost:9/x", "http://10.1.2.3/x", "http://192.168.1.1/x", "http://172.16.0.1/x",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "http://[fd00::1]/x", "http://100.64.0.1/x",
                "http://0.0.0.0/x", "http://[::ffff:127.0.0.1]/x");
        for (String url : refused) {
            Api.as("admin").body(Map.of("name", "内网", "url", url, "adapter", "GENERIC"))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("webhook.url-not-allowed"));
        }
        for (String url : List.of("ftp://example.com/x", "http://user:pw@example.com/x", "not a url")) {
            Api.as("admin").body(Map.of("name", "坏地址", "url", url, "adapter", "GENERIC"))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(400).contentType("application/problem+json");
        }
        Api.as("admin").body(Map.of("note", "dev receiver")).put("/api/v1/webhooks/allowed-hosts/localhost").then().statusCode(200);
        try {
            Api.as("admin").body(Map.of("name", "本机", "url", "http://localhost:9/x", "adapter", "GENERIC"))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(201);
        } finally {
            Api.as("admin").delete("/api/v1/webhooks/allowed-hosts/localhost").then().statusCode(204);
        }
    }

    @Test
    void secretsAreShownOnceAndNeverJournaled() {
        JsonPath created = Api.as("admin").body(Map.of("name", "OA", "url", receiver.url(), "adapter", "SEEYON",
                        "settings", Map.of("userName", "qingfeng", "password", "s3cret-pw")))
                .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        String id = created.getString("subscription.id");
        JsonPath read = Api.as("admin").get("/api/v1/webhooks/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("settings.password")).isEqualTo("••••");
        assertThat(read.getString("secretHint")).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(read.prettify()).doesNotContain(secret).doesNotContain("s3cret-pw");
        String journal = Api.as("shenji").queryParam("entityId", id).get("/api/v1/events").then().statusCode(200).extract().asString();
        assertThat(journal).contains("webhook.subscription-created").doesNotContain(secret).doesNotContain("s3cret-pw");
        String rotated = Api.as("admin").post("/api/v1/webhooks/subscriptions/" + id + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
    }

    @Test
    void onlyAdminsManageSubscriptions() {
        for (String user : List.of("jiandu", "lingdao", "cg_officer", "shenji")) {
            Api.as(user).get("/api/v1/webhooks/subscriptions").then().statusCode(403);
            Api.as(user).body(Map.of("name", "x", "url", receiver.url(), "adapter", "GENERIC"))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(403);
        }
        Api.asOa().get("/api/v1/webhooks/deliveries").then().statusCode(403);
    }
}
