package cn.qingfeng.rectification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A close-off must be earned: each rule, four eyes, reopening, frozen evidence, scope and time. */
@QuarkusTest
class RectificationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    TestClock clock;

    @Inject
    cn.qingfeng.todo.TodoSweep sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> problem(String title, UUID unit, String kind, LocalDate deadline, int measures) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "一是……二是……");
        body.put("source", "SELF_CHECK");
        body.put("category", "SECRECY");
        body.put("severity", "MODERATE");
        body.put("foundOn", TODAY.minusDays(10).toString());
        body.put("unitId", unit.toString());
        body.put("responsibleLeader", "王建国");
        body.put("responsiblePerson", "刘洋");
        body.put("kind", kind);
        if (deadline != null) {
            body.put("deadline", deadline.toString());
        }
        body.put("measures", java.util.stream.IntStream.range(0, measures)
                .mapToObj(n -> Map.of("content", "措施 " + (n + 1), "ownerName", "刘洋", "deadline", TODAY.plusDays(5).toString()))
                .toList());
        return body;
    }

    static String create(Map<String, Object> body) {
        return Api.as("jiandu").body(body).post("/api/v1/rectifications").then().statusCode(201).extract().path("item.id");
    }

    static Response detail(String user, String id) {
        return Api.as(user).get("/api/v1/rectifications/{id}", id);
    }

    static Response act(String user, String id, String action, Object body) {
        var req = Api.as(user).header("If-Match", detail(user, id).header("ETag"));
        if (body != null) {
            req.body(body);
        }
        return req.post("/api/v1/rectifications/{id}/" + action, id);
    }

    static Response measure(String user, String id, int index, String action, Object body) {
        Response d = detail(user, id);
        String measureId = d.path("measures[" + index + "].id");
        int version = d.path("measures[" + index + "].version");
        var req = Api.as(user).header("If-Match", "\"" + version + "\"");
        if (body != null) {
            req.body(body);
        }
        return req.post("/api/v1/rectifications/{id}/measures/{m}/" + action, id, measureId);
    }

    static Response upload(String user, String ownerType, String ownerId, String name, String text) {
        return given().config(RestAssured.config().multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)))
                .auth().oauth2(Tokens.user(user)).accept("application/json")
                .multiPart("ownerType", ownerType).multiPart("ownerId", ownerId)
                .multiPart("file", name, ("%PDF-1.7\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/attachments");
    }

    @Test
    void eachCloseOffRuleRefusesWithItsOwnCode() {
        String id = create(problem("违规使用小程序处理涉密文件", DemoUnits.VENUES, "TIME_LIMITED", TODAY.plusDays(30), 2));
        act("cg_officer", id, "apply", null).then().statusCode(409).body("code", equalTo("rectification.illegal-transition"));
        act("cg_officer", id, "start", null).then().statusCode(200).body("item.status", equalTo("IN_PROGRESS"));

        act("cg_officer", id, "apply", null).then().statusCode(409).body("code", equalTo("rectification.measures-open"))
                .body("openMeasures", equalTo(2));
        measure("cg_officer", id, 0, "done", null).then().statusCode(200);
        measure("cg_officer", id, 1, "waive", Map.of()).then().statusCode(400);
        measure("cg_officer", id, 1, "waive", Map.of("reason", "已由措施一覆盖")).then().statusCode(200);
        act("cg_officer", id, "apply", null).then().statusCode(409).body("code", equalTo("rectification.no-evidence"));

        upload("cg_officer", "RECTIFICATION", id, "整改报告.pdf", "report").then().statusCode(201);
        act("cg_officer", id, "apply", null).then().statusCode(200).body("item.status", equalTo("APPLIED"))
                .body("item.appliedByName", equalTo("刘洋"));

        act("cg_officer", id, "verify", Map.of("opinion", "同意", "verifiedOn", TODAY.toString())).then().statusCode(403);
        act("jiandu", id, "verify", Map.of("opinion", "")).then().statusCode(400);
        act("jiandu", id, "verify", Map.of("opinion", "经核验，整改到位", "verifiedOn", TODAY.toString())).then().statusCode(200)
                .body("item.status", equalTo("CLOSED")).body("closures[0].verifiedByName", equalTo("李明"))
                .body("closures[0].evidence[0].filename", equalTo("整改报告.pdf"));
    }

    @Test
    void theApplicantCannotVerifyTheirOwnApplication() {
        String id = create(problem("自我核验", DemoUnits.SCHOOL, "TIME_LIMITED", TODAY.plusDays(30), 1));
        act("xx_officer", id, "start", null).then().statusCode(200);
        measure("xx_officer", id, 0, "done", null).then().statusCode(200);
        upload("xx_officer", "RECTIFICATION_MEASURE", detail("xx_officer", id).path("measures[0].id"), "签到表.pdf", "x")
                .then().statusCode(201);
        act("jiandu", id, "apply", null).then().statusCode(200);
        act("jiandu", id, "verify", Map.of("opinion", "同意", "verifiedOn", TODAY.toString())).then().statusCode(409)
                .body("code", equalTo("rectification.self-verification"));
        act("jiandu2", id, "verify", Map.of("opinion", "同意", "verifiedOn", TODAY.toString())).then().statusCode(200)
                .body("closures[0].evidence[0].ownerType", equalTo("RECTIFICATION_MEASURE"));
    }

    @Test
    void frozenEvidenceSurvivesLaterChangesAndReopeningKeepsTheEarlierCycle() {
        String id = create(problem("阵地建设短板", DemoUnits.VENUES, "TIME_LIMITED", TODAY.plusDays(30), 1));
        act("cg_officer", id, "start", null).then().statusCode(200);
        measure("cg_officer", id, 0, "done", null).then().statusCode(200);
        Response file = upload("cg_officer", "RECTIFICATION", id, "活动室照片.pdf", "v1");
        String fileId = file.path("id");
        String sha = file.path("sha256");
        act("cg_officer", id, "apply", null).then().statusCode(200);
        act("jiandu2", id, "reject", Map.of("reason", "照片不清晰")).then().statusCode(200)
                .body("item.status", equalTo("IN_PROGRESS")).body("item.rejectionReason", equalTo("照片不清晰"));
        upload("cg_officer", "RECTIFICATION", id, "活动室照片（补充）.pdf", "v2").then().statusCode(201);
        act("cg_officer", id, "apply", null).then().statusCode(200);
        act("jiandu2", id, "verify", Map.of("opinion", "整改到位", "verifiedOn", TODAY.toString())).then().statusCode(200);

        // The file is withdrawn after the close-off: the close-off still names it with its hash.
        String etag = Api.as("cg_officer").get("/api/v1/attachments/{id}", fileId).header("ETag");
        Api.as("cg_officer").header("If-Match", etag).body(Map.of("reason", "重新整理")).post("/api/v1/attachments/{id}/removal", fileId)
                .then().statusCode(200);
        detail("lingdao", id).then().body("closures[0].evidence.attachmentId", org.hamcrest.Matchers.hasItem(fileId))
                .body("closures[0].evidence.sha256", org.hamcrest.Matchers.hasItem(sha));

        act("cg_officer", id, "reopen", Map.of("reason", "问题反弹")).then().statusCode(403);
        act("jiandu", id, "reopen", Map.of("reason", "问题反弹")).then().statusCode(200)
                .body("item.status", equalTo("IN_PROGRESS")).body("item.cycle", equalTo(2))
                .body("closures.size()", equalTo(1)).body("closures[0].cycle", equalTo(1));
        List<String> actions = Api.as("cg_officer").queryParam("limit", 200).get("/api/v1/rectifications/{id}/timeline", id)
                .then().statusCode(200).extract().path("items.action");
        assertThat(actions).containsSubsequence("rectification.applied", "rectification.rejected", "rectification.applied",
                "rectification.closed", "rectification.reopened");
    }

    @Test
    void scopeRolesAndVersionsAreEnforced() {
        String id = create(problem("作用域", DemoUnits.VENUES, "TIME_LIMITED", TODAY.plusDays(30), 1));
        detail("xx_officer", id).then().statusCode(404);
        Api.as("xx_officer").header("If-Match", "\"0\"").post("/api/v1/rectifications/{id}/start", id).then().statusCode(404);
        detail("cg_viewer", id).then().statusCode(404);
        Api.as("cg_officer").body(problem("x", DemoUnits.VENUES, "TIME_LIMITED", TODAY, 0)).post("/api/v1/rectifications")
                .then().statusCode(403);
        Api.as("cg_officer").post("/api/v1/rectifications/{id}/start", id).then().statusCode(428);
        Api.as("cg_officer").header("If-Match", "\"7\"").post("/api/v1/rectifications/{id}/start", id).then().statusCode(412);
        Api.as("jiandu").body(problem("无期限", DemoUnits.VENUES, "TIME_LIMITED", null, 0)).post("/api/v1/rectifications")
                .then().statusCode(400).body("violations[0].field", equalTo("deadline"));
        List<String> listed = Api.as("xx_officer").queryParam("q", "作用域").get("/api/v1/rectifications").then().extract().path("items.id");
        assertThat(listed).doesNotContain(id);
    }

    @Test
    void anItemLinksToTheAssignmentItCameFrom() {
        Map<String, Object> body = problem("督办中发现的问题", DemoUnits.VENUES, "TIME_LIMITED", TODAY.plusDays(30), 1);
        body.put("originType", "TASK_ASSIGNMENT");
        body.put("originId", UUID.randomUUID().toString());
        Api.as("jiandu").body(body).post("/api/v1/rectifications").then().statusCode(400)
                .body("violations[0].field", equalTo("originId"));
        String assignment = Api.as("jiandu").queryParam("limit", 1).get("/api/v1/assignments").then().statusCode(200)
                .extract().path("items[0].id");
        body.put("originId", assignment);
        String id = create(body);
        detail("jiandu", id).then().body("item.originType", equalTo("TASK_ASSIGNMENT")).body("item.originId", equalTo(assignment));
    }

    @Test
    void warningsAndTheOngoingPeriodFollowTheClock() {
        String limited = create(problem("限期预警", DemoUnits.SCHOOL, "TIME_LIMITED", TODAY.plusDays(5), 1));
        String ongoing = create(problem("长期坚持：第一议题学习", DemoUnits.SCHOOL, "ONGOING", null, 1));
        act("xx_officer", ongoing, "start", null).then().statusCode(200);
        detail("xx_officer", limited).then().body("item.warning", equalTo("GREEN"));
        detail("xx_officer", ongoing).then().body("item.progressDue", equalTo(true));
        Api.as("xx_officer").body(Map.of("reportedOn", TODAY.toString(), "content", "本季度集中学习 3 次"))
                .post("/api/v1/rectifications/{id}/progress", ongoing).then().statusCode(200);
        detail("xx_officer", ongoing).then().body("item.progressDue", equalTo(false));

        clock.shift(Duration.ofDays(3));
        detail("xx_officer", limited).then().body("item.warning", equalTo("YELLOW"));
        clock.shift(Duration.ofDays(3));
        detail("xx_officer", limited).then().body("item.warning", equalTo("RED"));
        assertThat(Api.as("xx_officer").queryParam("warning", "RED").queryParam("q", "限期预警").get("/api/v1/rectifications")
                .then().extract().<List<String>>path("items.id")).contains(limited);
        List<Map<String, Object>> todos = Api.as("xx_officer").queryParam("limit", 200).get("/api/v1/me/todos").then().extract().path("items");
        assertThat(todos).anySatisfy(t -> {
            assertThat(t.get("flowId")).isEqualTo(limited);
            assertThat((List<Object>) t.get("kinds")).contains((Object) "rectification.start");
        });

        clock.shift(Duration.ofDays(190)); // a new quarter (and more): this period's progress is owed again
        sweep.run(); // the to-dos' scheduled look at what time alone changes
        detail("xx_officer", ongoing).then().body("item.progressDue", equalTo(true));
        todos = Api.as("xx_officer").queryParam("limit", 200).get("/api/v1/me/todos").then().extract().path("items");
        assertThat(todos).anySatisfy(t -> {
            assertThat(t.get("flowId")).isEqualTo(ongoing);
            assertThat((List<Object>) t.get("kinds")).contains((Object) "rectification.progress-due");
        });
    }
}
