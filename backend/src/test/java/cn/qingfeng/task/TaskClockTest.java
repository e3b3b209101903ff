package cn.qingfeng.task;

import static cn.qingfeng.task.Tasks.act;
import static cn.qingfeng.task.Tasks.assignmentOf;
import static cn.qingfeng.task.Tasks.todoKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Warnings, escalation and recurrence as time passes (the application's clock is moved). */
@QuarkusTest
class TaskClockTest {

    @Inject
    TestClock clock;

    @Inject
    TaskScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String warningOf(String assignment) {
        return Api.as("jiandu").get("/api/v1/assignments/{id}", assignment).then().statusCode(200).extract().path("warning");
    }

    @Test
    void lightTurnsYellowThenRedAndIsEscalatedOnce() throws Exception {
        LocalDate deadline = today().plusDays(10);
        String task = Tasks.issued("预警测试", deadline, Map.of(DemoUnits.VENUES, "LEAD"));
        String a = assignmentOf("cg_officer", task);
        assertThat(warningOf(a)).isEqualTo("GREEN");

        clock.shift(Duration.ofDays(6));   // 4 days left
        assertThat(warningOf(a)).isEqualTo("GREEN");
        clock.shift(Duration.ofDays(1));   // 3 days left: within the yellow window
        assertThat(warningOf(a)).isEqualTo("YELLOW");
        clock.shift(Duration.ofDays(3));   // due today
        assertThat(warningOf(a)).isEqualTo("YELLOW");
        assertThat(Api.as("jiandu").queryParam("warning", "YELLOW").queryParam("taskId", task).get("/api/v1/assignments")
                .then().extract().<List<String>>path("items.id")).containsExactly(a);
        scheduler.escalateOverdue();
        Api.as("jiandu").get("/api/v1/assignments/{id}", a).then().body("escalatedAt", equalTo(null));

        clock.shift(Duration.ofDays(1));   // overdue
        assertThat(warningOf(a)).isEqualTo("RED");
        assertThat(Api.as("jiandu").queryParam("warning", "RED").queryParam("taskId", task).get("/api/v1/assignments")
                .then().extract().<List<String>>path("items.id")).containsExactly(a);

        // Two schedulers (two instances) at once: escalated exactly once.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(scheduler::escalateOverdue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(scheduler::escalateOverdue);
        one.get();
        two.get();
        scheduler.escalateOverdue();
        List<String> actions = Api.as("cg_officer").get("/api/v1/assignments/{id}/timeline", a).then().extract().path("items.action");
        assertThat(actions.stream().filter("assignment.escalated"::equals)).hasSize(1);
        assertThat(todoKinds("cg_officer", a)).containsExactly("assignment.accept");

        act("cg_officer", a, "accept", null).then().statusCode(200);
        assertThat(todoKinds("cg_officer", a)).containsExactly("assignment.overdue");
        act("cg_officer", a, "submit", Map.of()).then().statusCode(200);
        act("jiandu", a, "approve", Map.of()).then().statusCode(200)
                .body("completedOnTime", equalTo(false)).body("warning", equalTo("LATE"));
        assertThat(Api.as("jiandu").queryParam("warning", "LATE").queryParam("taskId", task).get("/api/v1/assignments")
                .then().extract().<List<String>>path("items.id")).containsExactly(a);
        assertThat(Api.as("jiandu").queryParam("warning", "ON_TIME").queryParam("taskId", task).get("/api/v1/assignments")
                .then().extract().<List<String>>path("items.id")).isEmpty();
    }

    @Test
    void recurringDutyGetsEachPeriodOnceEvenWithTwoSchedulers() throws Exception {
        LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Object> body = Tasks.draft("每周四“第一议题”学习", null);
        body.put("recurrence", "WEEKLY");
        body.put("recurrenceStart", monday.toString());
        var created = Api.as("jiandu").body(body).post("/api/v1/tasks");
        String template = created.path("task.id");
        Api.as("jiandu").header("If-Match", created.header("ETag"))
                .body(Map.of("units", List.of(Map.of("unitId", DemoUnits.VENUES.toString(), "role", "LEAD"))))
                .post("/api/v1/tasks/{id}/issue", template).then().statusCode(200);

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(scheduler::generatePeriods);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(scheduler::generatePeriods);
        one.get();
        two.get();
        scheduler.generatePeriods();
        List<Map<String, Object>> instances = Api.as("jiandu").queryParam("templateId", template).get("/api/v1/tasks")
                .then().statusCode(200).extract().path("items");
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).get("periodStart")).isEqualTo(monday.toString());
        assertThat(instances.get(0).get("deadline")).isEqualTo(monday.plusDays(6).toString());

        clock.shift(Duration.ofDays(7));
        CompletableFuture<Integer> three = CompletableFuture.supplyAsync(scheduler::generatePeriods);
        CompletableFuture<Integer> four = CompletableFuture.supplyAsync(scheduler::generatePeriods);
        three.get();
        four.get();
        List<String> starts = Api.as("jiandu").queryParam("templateId", template).queryParam("sort", "deadline")
                .get("/api/v1/tasks").then().extract().path("items.periodStart");
        assertThat(starts).containsExactly(monday.toString(), monday.plusWeeks(1).toString());
        // Each instance reaches the unit as its own assignment.
        List<String> mine = Api.as("cg_officer").queryParam("templateId", template).get("/api/v1/tasks")
                .then().extract().path("items.id");
        assertThat(mine).hasSize(2);
    }
}
