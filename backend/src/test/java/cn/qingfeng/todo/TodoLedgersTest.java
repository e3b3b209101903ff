package cn.qingfeng.todo;

import static cn.qingfeng.todo.Todos.in;
import static cn.qingfeng.todo.Todos.kinds;
import static cn.qingfeng.todo.Todos.of;
import static cn.qingfeng.todo.Todos.today;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The other ledgers' flows: a rectification item with its measures to its close-off (办结), a risk's
 * grading and its review coming due (as time passes) and recorded (已办); and a database from before
 * the to-do records getting its flows on start.
 */
@QuarkusTest
class TodoLedgersTest {

    @Inject
    TestClock clock;

    @Inject
    TodoSweep sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response act(String user, String path, String id, String action, Object body) {
        String etag = Api.as(user).get(path + "/{id}", id).then().statusCode(200).extract().header("ETag");
        var req = Api.as(user).header("If-Match", etag);
        if (body != null) {
            req.body(body);
        }
        return req.post(path + "/{id}/" + action, id);
    }

    @Test
    void aRectificationItemIsAskedOfItsUnitThenVerifiedAndFinishesForAll() {
        Map<String, Object> body = new HashMap<>(Map.of("title", "统一待办：整改事项 " + UUID.randomUUID(), "source", "SELF_CHECK",
                "category", "STUDY", "severity", "MINOR", "foundOn", today().toString(), "unitId", DemoUnits.VENUES.toString(),
                "kind", "TIME_LIMITED", "deadline", today().plusDays(20).toString()));
        body.put("measures", List.of(Map.of("content", "补齐学习记录", "deadline", today().plusDays(5).toString())));
        Response created = Api.as("jiandu").body(body).post("/api/v1/rectifications").then().statusCode(201).extract().response();
        String item = created.path("item.id");
        String measure = created.path("measures[0].id");

        // One to-do for the item, its measure one of its reasons; due when the measure is.
        Map<String, Object> todo = in("cg_officer", item, "OPEN");
        String id = (String) todo.get("id");
        assertThat(kinds(todo)).containsExactly("rectification.start", "rectification.measure");
        assertThat(todo.get("due")).isEqualTo(today().plusDays(5).toString());
        assertThat(todo.get("flowName")).isEqualTo("整改事项");
        assertThat(of("xx_officer", item, "OPEN")).isEmpty();

        act("cg_officer", "/api/v1/rectifications", item, "start", null).then().statusCode(200);
        assertThat(kinds(in("cg_officer", item, "OPEN"))).containsExactly("rectification.report", "rectification.measure");
        Api.as("cg_officer").header("If-Match", "\"" + Api.as("cg_officer").get("/api/v1/rectifications/{id}", item)
                        .path("measures[0].version") + "\"")
                .post("/api/v1/rectifications/{id}/measures/{m}/done", item, measure).then().statusCode(200);
        Map<String, Object> working = in("cg_officer", item, "OPEN");
        assertThat(kinds(working)).containsExactly("rectification.report");
        assertThat(working.get("due")).isEqualTo(today().plusDays(20).toString());
        given().auth().oauth2(Tokens.user("cg_officer")).accept("application/json")
                .multiPart("ownerType", "RECTIFICATION").multiPart("ownerId", item)
                .multiPart("file", "report.pdf", ("%PDF-1.7\n% report\n%%EOF\n").getBytes(StandardCharsets.UTF_8), "application/pdf")
                .post("/api/v1/attachments").then().statusCode(201);

        // Applied for close-off: done for the unit; the supervisors verify.
        act("cg_officer", "/api/v1/rectifications", item, "apply", null).then().statusCode(200);
        assertThat(in("cg_officer", item, "DONE").get("id")).isEqualTo(id);
        Map<String, Object> verify = in("jiandu2", item, "OPEN");
        assertThat(kinds(verify)).containsExactly("rectification.verify");
        assertThat(verify.get("stepName")).isEqualTo("销号核验");

        act("jiandu2", "/api/v1/rectifications", item, "verify", Map.of("opinion", "整改到位", "verifiedOn", today().toString()))
                .then().statusCode(200);
        in("cg_officer", item, "FINISHED");
        in("jiandu2", item, "FINISHED");
        in("jiandu", item, "FINISHED");
    }

    @Test
    void aRiskIsGradedThenItsReviewComesDueAndIsDoneWhenRecorded() throws Exception {
        String risk = Api.as("cg_officer").body(Map.of("name", "统一待办：风险 " + UUID.randomUUID(), "category", "INTEGRITY",
                "unitId", DemoUnits.VENUES.toString())).post("/api/v1/risks").then().statusCode(201).extract().path("risk.id");
        String grade = (String) in("jiandu", risk, "OPEN").get("id");
        assertThat(kinds(in("jiandu", risk, "OPEN"))).containsExactly("risk.grade");
        assertThat(of("cg_officer", risk, "OPEN")).isEmpty();

        act("jiandu", "/api/v1/risks", risk, "grading", Map.of("likelihood", 3, "impact", 4)).then().statusCode(200);
        assertThat(in("jiandu", risk, "DONE").get("id")).isEqualTo(grade);
        LocalDate due = LocalDate.parse(Api.as("cg_officer").get("/api/v1/risks/{id}", risk).path("risk.nextReviewOn"));
        // Three months ahead: not asked yet.
        assertThat(of("cg_officer", risk, "OPEN")).isEmpty();

        // Within the warning days (3) before it: asked, as soon as the sweep looks.
        clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(today(), due) - 4));
        sweep.run();
        assertThat(of("cg_officer", risk, "OPEN")).isEmpty();
        clock.shift(Duration.ofDays(1));
        sweep.run();
        Map<String, Object> review = in("cg_officer", risk, "OPEN");
        assertThat(kinds(review)).containsExactly("risk.review-due");
        assertThat(review.get("due")).isEqualTo(due.toString());
        assertThat(review.get("stepName")).isEqualTo("研判");
        assertThat((String) review.get("link")).endsWith("?tab=reviews");
        assertThat(review.get("warning")).isEqualTo("YELLOW");
        assertThat(sweep.run()).as("nothing more to look at today").isZero();

        String etag = Api.as("cg_officer").get("/api/v1/risks/{id}", risk).header("ETag");
        Api.as("cg_officer").header("If-Match", etag).body(Map.of("reviewedOn", LocalDate.now(clock).toString(),
                "participants", "班子成员", "conclusion", "风险可控")).post("/api/v1/risks/{id}/reviews", risk).then().statusCode(201);
        assertThat(in("cg_officer", risk, "DONE").get("id")).isEqualTo(review.get("id"));
        assertThat(Todos.events((String) review.get("id"))).extracting(Todos.Event::action)
                .containsExactly("todo.created", "todo.done");
    }

    @Test
    void anAssignmentLeftPastItsDeadlineTurnsOverdueWithoutAnyoneActing() throws Exception {
        String a = Todos.assignment(Todos.issue("到期未办 " + UUID.randomUUID(), today().plusDays(1),
                Map.of(DemoUnits.SCHOOL, "LEAD")), DemoUnits.SCHOOL);
        Todos.act("xx_officer", a, "accept", null);
        Map<String, Object> working = in("xx_officer", a, "OPEN");
        assertThat(kinds(working)).containsExactly("assignment.report");

        clock.shift(Duration.ofDays(2));
        sweep.run();
        Map<String, Object> overdue = in("xx_officer", a, "OPEN");
        assertThat(overdue.get("id")).isEqualTo(working.get("id"));
        assertThat(kinds(overdue)).containsExactly("assignment.overdue");
        assertThat(overdue.get("warning")).isEqualTo("RED");
        assertThat(Todos.events((String) working.get("id"))).extracting(Todos.Event::action)
                .containsExactly("todo.created", "todo.updated", "todo.updated");
    }

    @Test
    void openRecordsWithoutFlowsGetThemOnStartAsAnUpgradedDatabaseWould() throws Exception {
        String a = Todos.assignment(Todos.issue("升级前的任务 " + UUID.randomUUID(), today().plusDays(12),
                Map.of(DemoUnits.SCHOOL, "LEAD")), DemoUnits.SCHOOL);
        in("xx_officer", a, "OPEN");
        // As before the to-do records existed: no flow, no to-do.
        try (Connection c = Db.asOwner(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from todo where flow_id = '" + a + "'");
            s.executeUpdate("delete from todo_step where flow_id = '" + a + "'");
            s.executeUpdate("delete from todo_flow where flow_id = '" + a + "'");
        }
        assertThat(of("xx_officer", a, "OPEN")).isEmpty();
        assertThat(sweep.rebuild()).isEqualTo(1);
        assertThat(kinds(in("xx_officer", a, "OPEN"))).containsExactly("assignment.accept");
        assertThat(sweep.rebuild()).as("once").isZero();
    }
}
