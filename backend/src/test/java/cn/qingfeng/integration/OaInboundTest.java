package cn.qingfeng.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OA's side of issue 13, as its service account (client credentials, role integration) calls
 * the API: a task from an OA document (文号 as externalRef), issued to two units, its document
 * filed on it, found again by the document number, and its status as the OA shows it while the
 * units work; a rectification item from an inspection notice; a document registered twice is 409.
 */
@QuarkusTest
class OaInboundTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** The OA: JSON, a fresh key on every request (its retries would reuse it). */
    private static RequestSpecification oa() {
        return Api.asOa().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String documentNo() {
        return "市体发〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
    }

    private static Map<String, Object> fromDocument(String docNo, LocalDate deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "关于开展节前廉政提醒的通知 " + docNo);
        body.put("category", "HOLIDAY_DISCIPLINE");
        body.put("basis", docNo);
        body.put("externalSource", "OA");
        body.put("externalRef", docNo);
        body.put("deadline", deadline.toString());
        body.put("issuingUnitId", DemoUnits.OFFICE.toString());
        return body;
    }

    private static String etag(String path) {
        return Api.asOa().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static void act(String user, String assignment, String action) {
        String tag = Api.as(user).get("/api/v1/assignments/{id}", assignment).then().statusCode(200).extract().header("ETag");
        Api.as(user).header("If-Match", tag).body(Map.of()).post("/api/v1/assignments/{id}/" + action, assignment)
                .then().statusCode(200);
    }

    private static Map<String, Object> partOf(Response status, String unitCode) {
        List<Map<String, Object>> parts = status.path("assignments");
        return parts.stream().filter(p -> unitCode.equals(p.get("unitCode"))).findFirst().orElseThrow();
    }

    @Test
    void aTaskFromAnOaDocumentIsIssuedFoundByItsNumberAndFollowedToItsEnd() {
        // The person at the OA who sent it, mapped by an admin.
        String login = "oa-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("username", "jiandu", "displayName", "监督员")).put("/api/v1/integration/oa-users/{l}", login)
                .then().statusCode(201);
        try {
            String docNo = documentNo();
            LocalDate deadline = today().plusDays(20);
            Response created = oa().header("X-OA-User", login).body(fromDocument(docNo, deadline)).post("/api/v1/tasks");
            created.then().statusCode(201).body("task.externalRef", equalTo(docNo)).body("task.status", equalTo("DRAFT"));
            String task = created.path("task.id");
            String code = created.path("task.code");

            // The created record's journal names the OA's person and the client.
            List<Map<String, Object>> events = Api.as("shenji").queryParam("entityId", task).queryParam("action", "task.created")
                    .get("/api/v1/events").then().statusCode(200).extract().path("items");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).get("client")).isEqualTo("OA");
            assertThat(events.get(0).get("changes")).asString().contains("onBehalfOf").contains("jiandu");

            oa().header("If-Match", created.header("ETag"))
                    .body(Map.of("units", List.of(Map.of("unitId", DemoUnits.VENUES.toString(), "role", "LEAD"),
                            Map.of("unitId", DemoUnits.SCHOOL.toString(), "role", "COOPERATING"))))
                    .post("/api/v1/tasks/{id}/issue", task).then().statusCode(200).body("task.status", equalTo("ISSUED"));

            // The document itself, filed on the task, read by the units it went to.
            byte[] pdf = ("%PDF-1.7\n% " + docNo + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            String file = Api.asOa().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.MULTIPART)
                    .multiPart("ownerType", "TASK").multiPart("ownerId", task).multiPart("file", "通知.pdf", pdf, "application/pdf")
                    .post("/api/v1/attachments").then().statusCode(201).extract().path("id");
            Api.as("cg_officer").queryParam("ownerType", "TASK").queryParam("ownerId", task).get("/api/v1/attachments")
                    .then().statusCode(200).body("items.id", equalTo(List.of(file)));

            // Found by its document number.
            Api.asOa().queryParam("externalRef", docNo).queryParam("externalSource", "OA").get("/api/v1/tasks")
                    .then().statusCode(200).body("items.id", equalTo(List.of(task)));
            Api.asOa().queryParam("externalRef", docNo).queryParam("externalSource", "OTHER").get("/api/v1/tasks")
                    .then().statusCode(200).body("items.size()", equalTo(0));

            // What the OA shows: both units pending, green.
            Response status = Api.asOa().get("/api/v1/tasks/{id}/status", task);
            status.then().statusCode(200).body("code", equalTo(code)).body("externalRef", equalTo(docNo))
                    .body("status", equalTo("ISSUED")).body("statusLabel", equalTo("已下发"))
                    .body("completed", equalTo(false)).body("doneOnTime", nullValue()).body("assignments.size()", equalTo(2));
            Map<String, Object> venues = partOf(status, "SJ-CGZX");
            assertThat(venues).containsEntry("role", "LEAD").containsEntry("roleLabel", "牵头").containsEntry("status", "PENDING")
                    .containsEntry("statusLabel", "待签收").containsEntry("warning", "GREEN").containsEntry("deadline", deadline.toString());
            assertThat(venues.get("unitName")).isNotNull();
            assertThat(partOf(status, "SJ-YDXX")).containsEntry("roleLabel", "配合").containsEntry("statusLabel", "待签收");
            // A unit sees its own part only.
            Api.as("cg_officer").get("/api/v1/tasks/{id}/status", task).then().statusCode(200)
                    .body("assignments.unitCode", equalTo(List.of("SJ-CGZX")));

            // The venues centre finishes in time.
            String venuesPart = (String) venues.get("assignmentId");
            act("cg_officer", venuesPart, "accept");
            act("cg_officer", venuesPart, "submit");
            act("jiandu", venuesPart, "approve");
            status = Api.asOa().get("/api/v1/tasks/{id}/status", task);
            assertThat(partOf(status, "SJ-CGZX")).containsEntry("status", "DONE").containsEntry("statusLabel", "已办结")
                    .containsEntry("doneOnTime", true).doesNotContainKey("warning");
            assertThat(partOf(status, "SJ-CGZX").get("completedAt")).isNotNull();
            assertThat(partOf(status, "SJ-YDXX")).containsEntry("status", "PENDING").containsEntry("warning", "GREEN");

            // The school is late: red while open, not on time once done, and so the task.
            String schoolPart = (String) partOf(status, "SJ-YDXX").get("assignmentId");
            act("xx_officer", schoolPart, "accept");
            clock.shift(Duration.ofDays(25));
            assertThat(partOf(Api.asOa().get("/api/v1/tasks/{id}/status", task), "SJ-YDXX")).containsEntry("warning", "RED")
                    .containsEntry("statusLabel", "办理中");
            act("xx_officer", schoolPart, "submit");
            act("jiandu", schoolPart, "approve");
            status = Api.asOa().get("/api/v1/tasks/{id}/status", task);
            status.then().statusCode(200).body("status", equalTo("COMPLETED")).body("statusLabel", equalTo("已完成"))
                    .body("completed", equalTo(true)).body("doneOnTime", equalTo(false));
            assertThat(partOf(status, "SJ-YDXX")).containsEntry("doneOnTime", false);
        } finally {
            Api.as("admin").delete("/api/v1/integration/oa-users/{l}", login);
        }
    }

    @Test
    void aDocumentNumberRegisteredTwiceIsAConflictNamingTheFirstRecord() {
        String docNo = documentNo();
        Response first = oa().body(fromDocument(docNo, today().plusDays(10))).post("/api/v1/tasks");
        first.then().statusCode(201);
        oa().body(fromDocument(docNo, today().plusDays(10))).post("/api/v1/tasks").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("task.external-ref-taken"))
                .body("existingId", equalTo(first.path("task.id")))
                .body("existingCode", equalTo(first.path("task.code")));
        Api.asOa().queryParam("externalRef", docNo).queryParam("externalSource", "OA").get("/api/v1/tasks")
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void aRectificationItemFromAnInspectionNoticeWithItsEvidence() {
        String docNo = "市纪巡〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
        Map<String, Object> body = new HashMap<>(Map.of("title", "巡察反馈：学习记录不完整", "source", "INSPECTION_TOUR",
                "category", "STUDY", "severity", "MINOR", "foundOn", today().toString(), "unitId", DemoUnits.VENUES.toString(),
                "kind", "TIME_LIMITED", "deadline", today().plusDays(30).toString(), "externalSource", "OA"));
        body.put("externalRef", docNo);
        body.put("measures", List.of(Map.of("content", "补齐学习记录")));
        Response created = oa().body(body).post("/api/v1/rectifications");
        created.then().statusCode(201);
        String item = created.path("item.id");
        oa().header("If-Match", created.header("ETag")).body(Map.of("description", "巡察组反馈意见第3条"))
                .patch("/api/v1/rectifications/{id}", item).then().statusCode(200);
        Api.asOa().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.MULTIPART)
                .multiPart("ownerType", "RECTIFICATION").multiPart("ownerId", item)
                .multiPart("file", "反馈意见.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/attachments").then().statusCode(201);
        Api.asOa().queryParam("externalRef", docNo).queryParam("externalSource", "OA").get("/api/v1/rectifications")
                .then().statusCode(200).body("items.id", equalTo(List.of(item)));
        oa().body(body).post("/api/v1/rectifications").then().statusCode(409)
                .body("code", equalTo("rectification.external-ref-taken")).body("existingId", equalTo(item));
        // Only supervisors verify close-offs; the OA registers and follows.
        assertThat(etag("/api/v1/rectifications/" + item)).isNotNull();
    }

    @Test
    void theStatusOfATaskOutsideTheCallersScopeIsNotFound() {
        Response created = oa().body(fromDocument(documentNo(), today().plusDays(10))).post("/api/v1/tasks");
        String task = created.path("task.id");
        oa().header("If-Match", created.header("ETag"))
                .body(Map.of("units", List.of(Map.of("unitId", DemoUnits.SCHOOL.toString(), "role", "LEAD"))))
                .post("/api/v1/tasks/{id}/issue", task).then().statusCode(200);
        Api.as("xx_officer").get("/api/v1/tasks/{id}/status", task).then().statusCode(200);
        Api.as("cg_officer").get("/api/v1/tasks/{id}/status", task).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
    }
}
