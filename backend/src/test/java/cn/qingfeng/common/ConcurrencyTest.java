package cn.qingfeng.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once, as the OA, an import script and several clerks will be: requests are
 * released together from a latch, so they truly overlap (the assertions hold whatever order the
 * server takes them in). A version is spent once, a code is given once, a transition happens once
 * and is journaled once.
 */
@QuarkusTest
class ConcurrencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Answer(int status, String body) {
    }

    /** Sends {@code n} requests built by {@code request}, all released at the same moment. */
    private static List<Answer> together(int n, java.util.function.IntFunction<HttpRequest> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        // One thread per request, so every one of them is waiting at the latch when it opens.
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest r = request.apply(i);
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Answer(res.statusCode(), res.body());
            }));
        }
        ready.await();
        go.countDown();
        List<Answer> out = new ArrayList<>();
        try {
            for (Future<Answer> f : futures) {
                // A bound, not a wait: a request stuck on a lock fails the test instead of hanging the suite.
                out.add(f.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static HttpRequest.Builder call(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Tokens.user(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static String etag(String user, String path) {
        return Api.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static long statuses(List<Answer> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    /** One of a burst of the same transition succeeds, the others are refused (stale or moved on), and it is journaled once. */
    private static void assertOneWinner(List<Answer> answers, String entityId, String action) {
        assertThat(statuses(answers, 200)).as(action).isEqualTo(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 409, 412));
        assertThat(events(entityId, action)).hasSize(1);
    }

    private static List<Map<String, Object>> events(String entityId, String action) {
        return Api.as("shenji").queryParam("entityId", entityId).queryParam("action", action).queryParam("limit", 200)
                .get("/api/v1/events").then().statusCode(200).extract().path("items");
    }

    private static String task(String title) {
        return Api.as("jiandu").body(Map.of("title", title, "category", "OTHER", "deadline", LocalDate.now().plusDays(20).toString()))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("task.id");
    }

    @Test
    void fiftyEditsWithTheSameVersionMakeOneChange() throws Exception {
        String id = task("并发修改 " + UUID.randomUUID());
        String tag = etag("jiandu", "/api/v1/tasks/" + id);
        List<Answer> answers = together(50, i -> call("jiandu", "/api/v1/tasks/" + id).header("If-Match", tag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\":\"第 " + i + " 位\"}")).build());
        assertThat(statuses(answers, 200)).as("answers: %s", answers.stream().map(Answer::status).toList()).isEqualTo(1);
        assertThat(statuses(answers, 412)).isEqualTo(49);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 412));
        String winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().body();
        String stored = Api.as("jiandu").get("/api/v1/tasks/{id}", id).then().extract().path("task.description");
        assertThat(winner).contains(stored);
        assertThat(events(id, "task.updated")).hasSize(1);
    }

    @Test
    void twoHundredCreatesAtOnceGetTwoHundredDifferentCodes() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<Answer> answers = together(200, i -> call("jiandu", "/api/v1/tasks").POST(HttpRequest.BodyPublishers.ofString(
                "{\"title\":\"并发新建 " + batch + " " + i + "\",\"category\":\"OTHER\"}", StandardCharsets.UTF_8)).build());
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        Set<String> codes = new HashSet<>();
        for (Answer a : answers) {
            codes.add(io.restassured.path.json.JsonPath.from(a.body()).getString("task.code"));
        }
        assertThat(codes).hasSize(200).allMatch(c -> c.matches("RW-\\d{4}-\\d{4,}"));
    }

    @Test
    void concurrentApprovalsOfOneAssignmentApproveItOnce() throws Exception {
        String id = task("并发审核 " + UUID.randomUUID());
        Api.as("jiandu").header("If-Match", etag("jiandu", "/api/v1/tasks/" + id))
                .body(Map.of("units", List.of(Map.of("unitId", DemoUnits.VENUES.toString(), "role", "LEAD"))))
                .post("/api/v1/tasks/{id}/issue", id).then().statusCode(200);
        String assignment = Api.as("jiandu").get("/api/v1/tasks/{id}", id).then().extract().path("assignments[0].id");
        String path = "/api/v1/assignments/" + assignment;
        Api.as("cg_officer").header("If-Match", etag("cg_officer", path)).post(path + "/accept").then().statusCode(200);
        Api.as("cg_officer").header("If-Match", etag("cg_officer", path)).body(Map.of("note", "已完成"))
                .post(path + "/submit").then().statusCode(200);
        String tag = etag("jiandu", path);
        List<Answer> answers = together(20, i -> call("jiandu", path + "/approve").header("If-Match", tag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"同意 " + i + "\"}", StandardCharsets.UTF_8)).build());
        assertOneWinner(answers, assignment, "assignment.approved");
    }

    @Test
    void concurrentVerificationsCloseAnItemOnceAndConcurrentClosesCloseARiskOnce() throws Exception {
        String today = LocalDate.now().toString();
        String item = Api.as("jiandu").body(Map.of("title", "并发销号 " + UUID.randomUUID(), "source", "SELF_CHECK", "category", "STUDY",
                        "severity", "MINOR", "foundOn", today, "unitId", DemoUnits.VENUES.toString(), "kind", "ONGOING",
                        "measures", List.of(Map.of("content", "建立学习台账")))).post("/api/v1/rectifications").then().statusCode(201)
                .extract().path("item.id");
        String path = "/api/v1/rectifications/" + item;
        Api.as("cg_officer").header("If-Match", etag("cg_officer", path)).post(path + "/start").then().statusCode(200);
        Response started = Api.as("cg_officer").get(path);
        Api.as("cg_officer").header("If-Match", "\"" + started.path("measures[0].version") + "\"")
                .post(path + "/measures/{m}/done", started.<String>path("measures[0].id")).then().statusCode(200);
        Api.as("cg_officer").contentType(ContentType.MULTIPART).multiPart("ownerType", "RECTIFICATION").multiPart("ownerId", item)
                .multiPart("file", "整改报告.pdf", ("%PDF-1.7\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf")
                .post("/api/v1/attachments").then().statusCode(201);
        Api.as("cg_officer").header("If-Match", etag("cg_officer", path)).post(path + "/apply").then().statusCode(200);
        String itemTag = etag("jiandu", path);
        List<Answer> verified = together(20, i -> call("jiandu", path + "/verify").header("If-Match", itemTag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"opinion\":\"同意销号\",\"verifiedOn\":\"" + today + "\"}",
                        StandardCharsets.UTF_8)).build());
        assertOneWinner(verified, item, "rectification.closed");
        Response closed = Api.as("jiandu").get(path);
        assertThat(closed.<String>path("item.status")).isEqualTo("CLOSED");
        assertThat(closed.<List<?>>path("closures")).hasSize(1);

        String risk = Api.as("jiandu").body(Map.of("name", "并发关闭 " + UUID.randomUUID(), "category", "OTHER",
                "unitId", DemoUnits.VENUES.toString())).post("/api/v1/risks").then().statusCode(201).extract().path("risk.id");
        String riskPath = "/api/v1/risks/" + risk;
        String riskTag = etag("jiandu", riskPath);
        List<Answer> closes = together(20, i -> call("jiandu", riskPath + "/close").header("If-Match", riskTag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"风险已消除 " + i + "\"}", StandardCharsets.UTF_8)).build());
        assertOneWinner(closes, risk, "risk.closed");
    }
}
