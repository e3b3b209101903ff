package cn.qingfeng.integration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.integration.idempotency.IdempotencyStore;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header-07) as the OA relies on it: a retry
 * with the same key and request makes nothing new and gets the first answer again; another request
 * under the key is 422; a retry while the first is being served is 409. Counted in the database.
 */
@QuarkusTest
class IdempotencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    TestClock clock;

    @Inject
    IdempotencyStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Answer(int status, String body, String location, String etag, String contentType, String replayed) {
        static Answer of(HttpResponse<String> r) {
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("ETag").orElse(null), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Idempotent-Replayed").orElse(null));
        }
    }

    private static String draft(String title) {
        return "{\"title\":\"" + title + "\",\"category\":\"STUDY\",\"deadline\":\"" + LocalDate.now().plusDays(20)
                + "\",\"issuingUnitId\":\"" + DemoUnits.OFFICE + "\"}";
    }

    private static HttpRequest post(String token, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/tasks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return b.build();
    }

    private static String oa() {
        return Tokens.service("oa-system", "oa-system-dev-secret");
    }

    private static Answer send(HttpRequest r) throws Exception {
        return Answer.of(HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private static long count(String sql, String value) throws Exception {
        try (Connection c = Db.asApp(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long tasksTitled(String title) throws Exception {
        return count("select count(*) from task where title = ?", title);
    }

    private static long keyRows(String key) throws Exception {
        return count("select count(*) from idempotency_key where idem_key = ?", key);
    }

    @Test
    void tenConcurrentRequestsWithOneKeyMakeOneTaskAndALaterRetryGetsTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "幂等并发 " + key;
        String body = draft(title);
        String token = oa();
        int n = 10;
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest r = post(token, key, body);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return send(r);
            }));
        }
        ready.await();
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        try {
            for (Future<Answer> f : futures) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Answer::status).allMatch(s -> s == 201 || s == 409);
        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(Answer::body).containsOnly(created.get(0).body());
        assertThat(created).extracting(Answer::location).containsOnly(created.get(0).location());
        assertThat(answers.stream().filter(a -> a.status() == 409)).allMatch(a -> a.body().contains("\"code\":\"idempotency.in-flight\""));
        assertThat(tasksTitled(title)).isEqualTo(1);

        // Later: the first answer exactly, marked as a replay, and still one task.
        Answer first = created.stream().filter(a -> a.replayed() == null).findFirst().orElseThrow();
        Answer again = send(post(oa(), key, body));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location()).isNotNull();
        assertThat(again.etag()).isEqualTo(first.etag()).isNotNull();
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(tasksTitled(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "幂等改内容 " + key;
        assertThat(send(post(oa(), key, draft(title))).status()).isEqualTo(201);
        Answer other = send(post(oa(), key, draft(title + " 改")));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.body()).contains("\"code\":\"idempotency.key-reused\"");
        assertThat(tasksTitled(title + " 改")).isZero();
    }

    @Test
    void aRetryWhileTheFirstIsStillServedIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "幂等处理中 " + key;
        String body = draft(title);
        assertThat(send(post(oa(), key, body)).status()).isEqualTo(201);
        // The first request back in flight, as it is between its claim and its answer.
        try (Connection c = Db.asApp(); PreparedStatement s = c.prepareStatement(
                "update idempotency_key set state = 'IN_FLIGHT', status = null, headers = null, body = null where idem_key = ?")) {
            s.setString(1, key);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Answer busy = send(post(oa(), key, body));
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.body()).contains("\"code\":\"idempotency.in-flight\"");
        assertThat(tasksTitled(title)).isEqualTo(1);
    }

    @Test
    void theOaMustSendAKeyOthersMay() throws Exception {
        String title = "幂等缺键 " + UUID.randomUUID();
        Answer missing = send(post(oa(), null, draft(title)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"code\":\"idempotency.key-missing\"");
        assertThat(tasksTitled(title)).isZero();

        assertThat(send(post(Tokens.user("jiandu"), null, draft(title))).status()).isEqualTo(201);
        assertThat(tasksTitled(title)).isEqualTo(1);

        for (String bad : List.of("", "a b", "k".repeat(256), "\"unclosed", "\"\"")) {
            Answer refused = send(post(oa(), bad, draft(title)));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("\"code\":\"idempotency.key-invalid\"");
        }
        // A quoted key (an RFC 8941 string, as the draft writes it) is the same key as the bare one.
        String key = UUID.randomUUID().toString();
        Answer quoted = send(post(oa(), "\"" + key + "\"", draft(title + " 引号")));
        Answer bare = send(post(oa(), key, draft(title + " 引号")));
        assertThat(bare.replayed()).isEqualTo("true");
        assertThat(bare.body()).isEqualTo(quoted.body());
        assertThat(tasksTitled(title + " 引号")).isEqualTo(1);
    }

    @Test
    void keysArePerCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "幂等各自的键 " + key;
        Answer byOa = send(post(oa(), key, draft(title)));
        Answer bySupervisor = send(post(Tokens.user("jiandu"), key, draft(title)));
        assertThat(byOa.status()).isEqualTo(201);
        assertThat(bySupervisor.status()).isEqualTo(201);
        assertThat(bySupervisor.replayed()).isNull();
        assertThat(bySupervisor.location()).isNotEqualTo(byOa.location());
        assertThat(tasksTitled(title)).isEqualTo(2);
        assertThat(keyRows(key)).isEqualTo(2);
    }

    @Test
    void aRefusalIsKeptAndReplayedToo() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"\",\"category\":\"STUDY\"}";
        Answer first = send(post(oa(), key, body));
        assertThat(first.status()).isEqualTo(400);
        Answer again = send(post(oa(), key, body));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void aServerErrorGivesTheKeyBackSoTheRetryRunsAgain() throws Exception {
        FailingOnceResource.CALLS.set(0);
        String key = UUID.randomUUID().toString();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/testing/fails-once"))
                .header("Authorization", "Bearer " + oa()).header("Idempotency-Key", key).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(send(r).status()).isEqualTo(500);
        assertThat(keyRows(key)).isZero();
        Answer retried = send(r);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo("{\"call\":2}");
        Answer replayed = send(r);
        assertThat(replayed.replayed()).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(FailingOnceResource.CALLS.get()).isEqualTo(2);
    }

    @Test
    void anUploadIsReadByTheEndpointAndReplayedWhateverBoundaryTheRetryUses() throws Exception {
        // Larger than what the filter keeps in memory: the body goes through a temporary file.
        byte[] pdf = pdf(400 * 1024);
        String key = UUID.randomUUID().toString();
        Response first = upload(key, pdf);
        first.then().statusCode(201);
        Response again = upload(key, pdf);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(first.<Integer>path("sizeBytes")).isEqualTo(pdf.length);
        assertThat(count("select count(*) from attachment where id = cast(? as uuid)", first.path("id"))).isEqualTo(1);
        assertThat(count("select count(*) from attachment where sha256 = ?", first.path("sha256"))).isEqualTo(1);
        // Another file under the same key is another request.
        upload(key, pdf(1024)).then().statusCode(422);
    }

    @Test
    void expiredKeysArePurgedAndMayBeUsedAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String title = "幂等过期 " + key;
        Answer first = send(post(oa(), key, draft(title)));
        assertThat(first.status()).isEqualTo(201);

        clock.shift(Duration.ofHours(23));
        store.purgeExpired();
        assertThat(keyRows(key)).isEqualTo(1);
        assertThat(send(post(oa(), key, draft(title))).replayed()).isEqualTo("true");

        clock.shift(Duration.ofHours(2));
        assertThat(store.purgeExpired()).isPositive();
        assertThat(keyRows(key)).isZero();
        Answer anew = send(post(oa(), key, draft(title)));
        assertThat(anew.status()).isEqualTo(201);
        assertThat(anew.replayed()).isNull();
        assertThat(anew.location()).isNotEqualTo(first.location());
        assertThat(tasksTitled(title)).isEqualTo(2);
    }

    private static Response upload(String key, byte[] pdf) {
        return RestAssured.given().config(RestAssured.config()
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .auth().oauth2(Tokens.user("admin")).accept(ContentType.JSON).header("Idempotency-Key", key)
                .multiPart("ownerType", "UNIT").multiPart("ownerId", DemoUnits.OFFICE.toString())
                .multiPart("file", "幂等上传.pdf", pdf, "application/pdf")
                .post("/api/v1/attachments");
    }

    private static byte[] pdf(int size) {
        StringBuilder b = new StringBuilder("%PDF-1.7\n% ").append(UUID.randomUUID()).append('\n');
        while (b.length() < size) {
            b.append("% filler line of a large document\n");
        }
        return b.append("%%EOF\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
