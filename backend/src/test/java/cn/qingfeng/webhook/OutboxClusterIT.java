package cn.qingfeng.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.AppProcess;
import cn.qingfeng.support.Receiver;
import cn.qingfeng.support.Tokens;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox with two packaged backends on one database, both dispatching: every event reaches the
 * receiver, none twice; then one instance is killed with SIGKILL while its requests are in flight,
 * and the other delivers what it had leased once the lease expires — at least once, same ids.
 */
class OutboxClusterIT {

    private static final int A = 8096;
    private static final int B = 8097;
    private static final List<String> SETTINGS = List.of("-Dqingfeng.webhooks.dispatch-interval=200ms",
            "-Dqingfeng.webhooks.lease=10s", "-Dqingfeng.webhooks.batch-size=20");

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(int port, Path dir) throws Exception {
        Process p = AppProcess.start(port, dir.resolve("backend-" + port + "-" + started.size() + ".log"), SETTINGS);
        started.add(p);
        return p;
    }

    private static RequestSpecification api(int port, String user) {
        return given().baseUri("http://127.0.0.1:" + port).auth().oauth2(Tokens.user(user))
                .contentType("application/json").accept("application/json");
    }

    /** Creates {@code n} tasks through the given instances in turn; answers their ids. */
    private static List<String> createTasks(int n, String tag, int... ports) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int port = ports[i % ports.length];
                int k = i;
                futures.add(pool.submit(() -> api(port, "jiandu")
                        .body(Map.of("title", "推送测试 " + tag + " " + k, "category", "OTHER",
                                "deadline", LocalDate.now().plusDays(30).toString()))
                        .post("/api/v1/tasks").then().statusCode(201).extract().<String>path("task.id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }

    /** The journal event ids of the tasks' creation: the webhook-ids the receiver must see. */
    private static Set<String> eventIds(List<String> taskIds) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(AppProcess.DB, "qingfeng_owner", "qingfeng_owner");
             PreparedStatement s = c.prepareStatement("select id from event where action = 'task.created' and entity_id = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", taskIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        assertThat(ids).hasSize(taskIds.size());
        return ids;
    }

    private static long undelivered(String subscriptionId) throws Exception {
        try (Connection c = DriverManager.getConnection(AppProcess.DB, "qingfeng_owner", "qingfeng_owner");
             PreparedStatement s = c.prepareStatement("select count(*) from webhook_delivery where subscription_id = ?::uuid and status <> 'DELIVERED'")) {
            s.setString(1, subscriptionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void twoInstancesDeliverEachEventOnceAndASurvivorTakesOverAKilledOnesLeases() throws Exception {
        Path dir = Files.createTempDirectory("qingfeng-outbox-it");
        try (Receiver receiver = new Receiver()) {
            start(A, dir);
            start(B, dir);
            api(A, "admin").body(Map.of("note", "IT receiver")).put("/api/v1/webhooks/allowed-hosts/127.0.0.1").then().statusCode(200);
            String sub = api(B, "admin").body(Map.of("name", "集群测试 " + UUID.randomUUID(), "url", receiver.url(),
                            "adapter", "GENERIC", "eventTypes", List.of("task.created")))
                    .post("/api/v1/webhooks/subscriptions").then().statusCode(201).extract().path("subscription.id");

            // Both instances write and dispatch.
            Set<String> first = eventIds(createTasks(300, "双实例", A, B));
            AppProcess.waitFor("300 events delivered", () -> receiver.accepted.containsAll(first));
            assertThat(receiver.duplicates).as("no event delivered by both instances").isEmpty();

            // One instance left, its requests held by a slow receiver, then SIGKILL mid-batch.
            started.get(1).destroy();
            started.get(1).waitFor();
            receiver.hold();
            Set<String> second = eventIds(createTasks(40, "断电", A));
            AppProcess.waitFor("requests in flight", () -> receiver.held.get() >= 4);
            started.get(0).destroyForcibly().waitFor();
            Set<String> inFlight = Set.copyOf(receiver.heldIds);
            receiver.release();
            assertThat(undelivered(sub)).as("the killed instance recorded none of the batch").isPositive();

            start(B, dir);
            AppProcess.waitFor("every event delivered after the takeover", () -> receiver.accepted.containsAll(second));
            AppProcess.waitFor("the log shows everything delivered", () -> {
                try {
                    return undelivered(sub) == 0;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(receiver.accepted).containsAll(first).containsAll(second);
            // at least once: what the killed instance had in flight may come twice, always with the same id
            assertThat(receiver.duplicates).allMatch(inFlight::contains);
        }
    }
}
