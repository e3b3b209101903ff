package cn.qingfeng.task;

import static cn.qingfeng.task.Tasks.act;
import static cn.qingfeng.task.Tasks.assignmentOf;
import static cn.qingfeng.task.Tasks.etag;
import static cn.qingfeng.task.Tasks.todoKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A task from draft to completion: who may do what, when, and what each side sees. */
@QuarkusTest
class TaskFlowTest {

    private static final LocalDate IN_TEN_DAYS = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);

    private static Map<UUID, String> twoUnits() {
        Map<UUID, String> units = new LinkedHashMap<>();
        units.put(DemoUnits.VENUES, "LEAD");
        units.put(DemoUnits.SCHOOL, "COOPERATING");
        return units;
    }

    @Test
    void draftIsTheSupervisorsOwnUntilIssued() {
        Response created = Api.as("jiandu").body(Tasks.draft("起草中的任务", IN_TEN_DAYS)).post("/api/v1/tasks");
        created.then().statusCode(201)
                .body("task.code", matchesPattern("RW-\\d{4}-\\d{4,}"))
                .body("task.status", equalTo("DRAFT"))
                .body("task.issuingUnit.code", equalTo("SJ-JGDW"));
        String id = created.path("task.id");
        Api.as("cg_officer").get("/api/v1/tasks/{id}", id).then().statusCode(404);
        Api.as("lingdao").get("/api/v1/tasks/{id}", id).then().statusCode(200);
        Api.as("cg_officer").body(Tasks.draft("x", IN_TEN_DAYS)).post("/api/v1/tasks").then().statusCode(403);
        Api.as("jiandu").header("If-Match", created.header("ETag")).body(Map.of("units", List.of()))
                .post("/api/v1/tasks/{id}/issue", id).then().statusCode(400).body("violations[0].field", equalTo("units"));
        Api.as("jiandu").header("If-Match", created.header("ETag"))
                .body(Map.of("units", List.of(Map.of("unitId", DemoUnits.VENUES.toString(), "role", "COOPERATING"))))
                .post("/api/v1/tasks/{id}/issue", id).then().statusCode(400).body("violations[0].field", equalTo("units"));
    }

    @Test
    void externalReferenceIsUniquePerSource() {
        Map<String, Object> body = Tasks.draft("OA 来文", IN_TEN_DAYS);
        body.put("externalSource", "OA");
        body.put("externalRef", "OA-" + UUID.randomUUID());
        Api.as("jiandu").body(body).post("/api/v1/tasks").then().statusCode(201);
        Api.as("jiandu").body(body).post("/api/v1/tasks").then().statusCode(409).body("code", equalTo("task.external-ref-taken"));
    }

    @Test
    void eachUnitSeesOnlyItsOwnAssignment() {
        String task = Tasks.issued("双单位任务", IN_TEN_DAYS, twoUnits());
        String venues = assignmentOf("cg_officer", task);
        String school = assignmentOf("xx_officer", task);
        assertThat(venues).isNotEqualTo(school);
        Api.as("xx_officer").get("/api/v1/assignments/{id}", venues).then().statusCode(404);
        Api.as("xx_officer").header("If-Match", "\"0\"").post("/api/v1/assignments/{id}/accept", venues)
                .then().statusCode(404);
        Api.as("xx_officer").get("/api/v1/assignments/{id}/timeline", venues).then().statusCode(404);
        List<String> listed = Api.as("xx_officer").queryParam("taskId", task).get("/api/v1/assignments")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).containsExactly(school);
        Api.as("cg_viewer").get("/api/v1/tasks/{id}", task).then().statusCode(404);
        Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().statusCode(200).body("assignments.size()", equalTo(2));
    }

    @Test
    void transitionsAreCheckedForStateRoleAndVersion() {
        String task = Tasks.issued("状态检查", IN_TEN_DAYS, Map.of(DemoUnits.VENUES, "LEAD"));
        String a = assignmentOf("cg_officer", task);

        act("cg_officer", a, "submit", Map.of()).then().statusCode(409)
                .body("code", equalTo("assignment.illegal-transition")).body("from", equalTo("PENDING"));
        act("jiandu", a, "approve", Map.of()).then().statusCode(409).body("code", equalTo("assignment.illegal-transition"));
        act("jiandu", a, "accept", null).then().statusCode(403);
        // Out of the viewer's scope (its branch): not found, before any role check (ids cannot be probed).
        Api.as("cg_viewer").header("If-Match", "\"0\"").post("/api/v1/assignments/{id}/accept", a).then().statusCode(404);
        Api.as("cg_officer").post("/api/v1/assignments/{id}/accept", a).then().statusCode(428);
        Api.as("cg_officer").header("If-Match", "\"99\"").post("/api/v1/assignments/{id}/accept", a).then().statusCode(412);
        Api.as("cg_officer").body(Map.of("reportedOn", LocalDate.now().toString(), "content", "还没签收"))
                .post("/api/v1/assignments/{id}/progress", a).then().statusCode(409);

        act("cg_officer", a, "accept", null).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        act("cg_officer", a, "accept", null).then().statusCode(409);
        act("cg_officer", a, "approve", Map.of()).then().statusCode(403);
        act("jiandu", a, "return", Map.of("reason", "还没报送")).then().statusCode(409);
    }

    @Test
    void fullFlowWithReturnEndsOnTimeAndCompletesTheTask() {
        String task = Tasks.issued("第一季度党风廉政主题学习", IN_TEN_DAYS, twoUnits());
        String a = assignmentOf("cg_officer", task);
        String b = assignmentOf("xx_officer", task);
        assertThat(todoKinds("cg_officer", a)).containsExactly("assignment.accept");
        assertThat(todoKinds("xx_officer", a)).isEmpty();

        act("cg_officer", a, "accept", null).then().statusCode(200);
        assertThat(todoKinds("cg_officer", a)).containsExactly("assignment.report");

        Api.as("jiandu").body(Map.of("message", "请抓紧报送学习记录")).post("/api/v1/assignments/{id}/urges", a)
                .then().statusCode(200);
        assertThat(todoKinds("cg_officer", a)).containsExactlyInAnyOrder("assignment.report", "assignment.answer-urge");
        String urge = Api.as("cg_officer").get("/api/v1/assignments/{id}/urges", a).then().extract().path("items[0].id");
        Api.as("cg_officer").body(Map.of("reply", "本周内报送")).post("/api/v1/assignments/{id}/urges/{u}/reply", a, urge)
                .then().statusCode(200).body("repliedByName", equalTo("刘洋"));
        Api.as("cg_officer").body(Map.of("reply", "再答一次")).post("/api/v1/assignments/{id}/urges/{u}/reply", a, urge)
                .then().statusCode(409);
        assertThat(todoKinds("cg_officer", a)).containsExactly("assignment.report");

        Api.as("cg_officer").body(Map.of("reportedOn", LocalDate.now().toString(), "content", "已组织两次集中学习", "percent", 60))
                .post("/api/v1/assignments/{id}/progress", a).then().statusCode(200).body("percent", equalTo(60));
        Api.as("cg_officer").body(Map.of("heldOn", LocalDate.now().toString(), "topic", "学习二十届中央纪委二次全会公报",
                        "participantCount", 18, "participants", "中心全体党员", "place", "三楼会议室"))
                .post("/api/v1/assignments/{id}/records", a).then().statusCode(200).body("category", equalTo("STUDY"));
        Api.as("cg_officer").body(Map.of("heldOn", LocalDate.now().toString(), "topic", "x", "participantCount", -1))
                .post("/api/v1/assignments/{id}/records", a).then().statusCode(400)
                .body("violations[0].field", equalTo("participantCount"));

        act("cg_officer", a, "submit", Map.of("note", "学习记录已上传")).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(todoKinds("jiandu", a)).containsExactly("assignment.approve");
        assertThat(todoKinds("cg_officer", a)).isEmpty();

        act("jiandu", a, "return", Map.of("reason", "缺少签到表")).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("returnedCount", equalTo(1)).body("returnReason", equalTo("缺少签到表"));
        assertThat(todoKinds("cg_officer", a)).containsExactly("assignment.report");
        act("cg_officer", a, "submit", Map.of()).then().statusCode(200);
        act("jiandu", a, "approve", Map.of("note", "同意办结")).then().statusCode(200)
                .body("status", equalTo("DONE")).body("completedOnTime", equalTo(true)).body("warning", equalTo("ON_TIME"));
        assertThat(todoKinds("jiandu", a)).isEmpty();

        Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().body("task.status", equalTo("ISSUED"));
        act("xx_officer", b, "accept", null).then().statusCode(200);
        act("xx_officer", b, "submit", Map.of()).then().statusCode(200);
        act("jiandu", b, "approve", Map.of()).then().statusCode(200);
        Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().body("task.status", equalTo("COMPLETED"))
                .body("task.warning", equalTo("ON_TIME"));

        List<String> timeline = Api.as("cg_officer").queryParam("limit", 200).get("/api/v1/tasks/{id}/timeline", task)
                .then().statusCode(200).extract().path("items.action");
        assertThat(timeline).startsWith("task.created", "task.issued").contains("assignment.accepted", "assignment.urged",
                "assignment.urge-replied", "assignment.progress-reported", "assignment.record-added", "assignment.submitted",
                "assignment.returned", "assignment.approved", "task.completed");
        // The first unit's timeline never shows the other unit's steps.
        assertThat(Api.as("cg_officer").queryParam("limit", 200).get("/api/v1/tasks/{id}/timeline", task)
                .then().extract().<List<String>>path("items.entityId")).doesNotContain(b);

        List<Map<String, Object>> counts = Api.as("cg_officer").queryParam("from", LocalDate.now().minusDays(1).toString())
                .queryParam("to", LocalDate.now().plusDays(1).toString()).get("/api/v1/tasks/record-counts")
                .then().statusCode(200).extract().path("");
        assertThat(counts).isNotEmpty().allSatisfy(c -> assertThat(c.get("unit").toString()).contains("SJ-CGZX"));
    }

    @Test
    void deadlineChangeAfterIssueReachesTheUnitsAndCancelClosesThem() {
        String task = Tasks.issued("期限调整", IN_TEN_DAYS, Map.of(DemoUnits.VENUES, "LEAD"));
        String a = assignmentOf("cg_officer", task);
        String etag = Api.as("jiandu").get("/api/v1/tasks/{id}", task).header("ETag");
        Api.as("jiandu").header("If-Match", etag).body(Map.of("deadline", IN_TEN_DAYS.plusDays(5).toString()))
                .patch("/api/v1/tasks/{id}", task).then().statusCode(200);
        Api.as("cg_officer").get("/api/v1/assignments/{id}", a).then().body("deadline", equalTo(IN_TEN_DAYS.plusDays(5).toString()));
        List<String> actions = Api.as("cg_officer").get("/api/v1/assignments/{id}/timeline", a).then().extract().path("items.action");
        assertThat(actions).contains("assignment.deadline-changed");

        etag = Api.as("jiandu").get("/api/v1/tasks/{id}", task).header("ETag");
        Api.as("jiandu").header("If-Match", etag).body(Map.of()).post("/api/v1/tasks/{id}/cancel", task).then().statusCode(400);
        Api.as("jiandu").header("If-Match", etag).body(Map.of("reason", "上级通知取消")).post("/api/v1/tasks/{id}/cancel", task)
                .then().statusCode(200).body("task.status", equalTo("CANCELLED"));
        Api.as("cg_officer").get("/api/v1/assignments/{id}", a).then().body("status", equalTo("CANCELLED"));
        act("cg_officer", a, "accept", null).then().statusCode(409);
        assertThat(todoKinds("cg_officer", a)).isEmpty();
    }

    @Test
    void sortingByAnOptionalDeadlinePagesThroughEveryTask() {
        String mark = "排序" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new java.util.ArrayList<>();
        // The edges of the API's date range too: they are stored and read back as sent, so keyset pages stay exact.
        for (LocalDate deadline : java.util.Arrays.asList(IN_TEN_DAYS, null, IN_TEN_DAYS, IN_TEN_DAYS.plusDays(1), null,
                LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31))) {
            ids.add(Api.as("jiandu").body(Tasks.draft(mark, deadline)).post("/api/v1/tasks").then().statusCode(201)
                    .extract().path("task.id"));
        }
        for (String sort : List.of("deadline", "-deadline")) {
            List<String> seen = new java.util.ArrayList<>();
            List<String> deadlines = new java.util.ArrayList<>();
            String cursor = null;
            do {
                var req = Api.as("jiandu").queryParam("q", mark).queryParam("sort", sort).queryParam("limit", 1);
                if (cursor != null) {
                    req.queryParam("cursor", cursor);
                }
                Response page = req.get("/api/v1/tasks");
                page.then().statusCode(200);
                seen.addAll(page.path("items.id"));
                deadlines.add(page.path("items[0].deadline"));
                cursor = page.path("nextCursor");
            } while (cursor != null && seen.size() <= ids.size());
            assertThat(seen).as(sort).containsExactlyInAnyOrderElementsOf(ids);
            // PostgreSQL's order: nulls last ascending, first descending.
            assertThat(sort.startsWith("-") ? deadlines.get(0) : deadlines.get(deadlines.size() - 1)).as(sort).isNull();
            assertThat(deadlines.stream().filter(java.util.Objects::nonNull).findFirst()).as(sort)
                    .hasValue(sort.startsWith("-") ? "2999-12-31" : "1900-01-01");
        }
    }

    @Test
    void listsFilterAndStayWithinScope() {
        String mark = "筛选" + UUID.randomUUID().toString().substring(0, 8);
        String task = Tasks.issued(mark, IN_TEN_DAYS, Map.of(DemoUnits.SCHOOL, "LEAD"));
        List<String> supervisor = Api.as("jiandu").queryParam("q", mark).get("/api/v1/tasks").then().statusCode(200)
                .extract().path("items.id");
        assertThat(supervisor).containsExactly(task);
        assertThat(Api.as("cg_officer").queryParam("q", mark).get("/api/v1/tasks").then().extract().<List<String>>path("items.id")).isEmpty();
        assertThat(Api.as("xx_officer").queryParam("q", mark).get("/api/v1/tasks").then().extract().<List<String>>path("items.id"))
                .containsExactly(task);
        assertThat(Api.as("jiandu").queryParam("q", mark).queryParam("warning", "GREEN").get("/api/v1/tasks")
                .then().extract().<List<String>>path("items.id")).containsExactly(task);
        assertThat(Api.as("jiandu").queryParam("q", mark).queryParam("warning", "RED").get("/api/v1/tasks")
                .then().extract().<List<String>>path("items.id")).isEmpty();
        assertThat(Api.as("jiandu").queryParam("q", mark).queryParam("status", "DRAFT").get("/api/v1/tasks")
                .then().extract().<List<String>>path("items.id")).isEmpty();
        Api.as("jiandu").queryParam("warning", "LATE").get("/api/v1/tasks").then().statusCode(400);
    }
}
