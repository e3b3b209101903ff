import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outbound delivery, measured against a receiver on this machine:
 * 1. delay from commit to delivery: a supervisor creates tasks at a steady pace through the API,
 *    the receiver notes when each task.created arrives; delay = arrival − the event's timestamp;
 * 2. throughput: the N deliveries of step 1 replayed at once (a backlog as after an outage: every one
 *    due now) — deliveries per second until the receiver has them all again.
 * Usage: java WebhookBench.java API_BASE KEYCLOAK_REALM_URL N
 */
public class WebhookBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern TS = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");
    static String api;
    static String realm;

    public static void main(String[] args) throws Exception {
        api = args[0];
        realm = args[1];
        int n = Integer.parseInt(args[2]);
        List<Long> delays = new CopyOnWriteArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hook", ex -> {
            Instant at = Instant.now();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.incrementAndGet();
            if (seen.add(ex.getRequestHeaders().getFirst("webhook-id"))) {
                Matcher m = TS.matcher(body);
                if (m.find()) {
                    delays.add(Duration.between(Instant.parse(m.group(1)), at).toMillis());
                }
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        String receiver = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";

        call("PUT", "/webhooks/allowed-hosts/127.0.0.1", token("admin"), "{\"note\":\"bench receiver\"}", null);
        String created = call("POST", "/webhooks/subscriptions", token("admin"),
                "{\"name\":\"bench " + Instant.now() + "\",\"url\":\"" + receiver + "\",\"adapter\":\"GENERIC\",\"eventTypes\":[\"task.created\"]}", null);
        String sub = field(created, "id");

        // 1. delay: a steady stream, 4 writers
        String sup = token("jiandu");
        long t0 = System.nanoTime();
        create(n, 4, sup);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        waitFor(() -> seen.size() >= n, Duration.ofMinutes(10));
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);

        // 2. throughput: every delivery of step 1 replayed at once
        int before = requests.get();
        Instant from = Instant.now().minus(Duration.ofHours(1));
        long t1 = System.nanoTime();
        String replayed = call("POST", "/webhooks/deliveries/replay", token("admin"), "{\"subscriptionId\":\"" + sub
                + "\",\"from\":\"" + from + "\",\"to\":\"" + Instant.now().plusSeconds(60) + "\"}", null);
        int backlog = Integer.parseInt(replayed.replaceAll("[^0-9]", ""));
        waitFor(() -> requests.get() >= before + backlog, Duration.ofMinutes(10));
        double drainSeconds = (System.nanoTime() - t1) / 1e9;
        server.stop(0);

        System.out.printf("webhooks: %d events, receiver on this machine, 2 cores%n", n);
        System.out.printf("webhooks: commit-to-delivery delay p50 %d ms, p99 %d ms, max %d ms (writes at %.0f events/s)%n",
                pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1), n / writeSeconds);
        System.out.printf("webhooks: backlog of %d drained in %.1f s = %.0f events/s%n", backlog, drainSeconds, backlog / drainSeconds);
        System.exit(0);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static void create(int n, int writers, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<String>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> call("POST", "/tasks", token,
                    "{\"title\":\"推送基准 " + k + "\",\"category\":\"OTHER\"}", null)));
        }
        for (Future<String> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    static void waitFor(java.util.function.BooleanSupplier c, Duration max) throws InterruptedException {
        Instant give = Instant.now().plus(max);
        while (!c.getAsBoolean()) {
            if (Instant.now().isAfter(give)) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(20);
        }
    }

    static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=qingfeng-dev&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=qingfeng";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "access_token");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String etag(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("ETag").orElseThrow();
    }

    static String callEtag(String method, String path, String token, String body, String ifMatch) throws Exception {
        HttpResponse<String> r = send(method, path, token, body, ifMatch);
        return r.headers().firstValue("ETag").orElse(null);
    }

    static String call(String method, String path, String token, String body, String ifMatch) throws Exception {
        return send(method, path, token, body, ifMatch).body();
    }

    static HttpResponse<String> send(String method, String path, String token, String body, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return r;
    }
}
