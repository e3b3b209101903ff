package cn.qingfeng.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import cn.qingfeng.demo.DemoOrganisation;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grading, reviews coming due and missed, report obligations met / late / missing, scope and roles. */
@QuarkusTest
class RiskTest {

    @Inject
    TestClock clock;

    @Inject
    RiskScheduler scheduler;

    /** Time alone brings a review into the to-dos: the to-dos' scheduled sweep, run here as its schedule would. */
    @Inject
    cn.qingfeng.todo.TodoSweep sweep;

    @Inject
    jakarta.persistence.EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Map<String, Object>> obligations(String id, String kind) {
        return Api.as("jiandu").queryParam("riskId", id).queryParam("kind", kind).queryParam("sort", "dueAt")
                .get("/api/v1/risk-obligations").then().statusCode(200).extract().path("items");
    }

    private static List<String> timeline(String id) {
        return Api.as("jiandu").queryParam("limit", 200).get("/api/v1/risks/{id}/timeline", id)
                .then().statusCode(200).extract().path("items.action");
    }

    /** What the user's open to-do of the risk asks (none: no open to-do). */
    @SuppressWarnings("unchecked")
    private static List<String> todoKinds(String user, String id) {
        List<Map<String, Object>> items = Api.as(user).queryParam("limit", 200).get("/api/v1/me/todos")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(t -> id.equals(t.get("flowId"))).flatMap(t -> ((List<String>) t.get("kinds")).stream()).toList();
    }

    @Test
    void reviewComesDueTurnsRedWhenMissedAndCountsLateWhenDone() throws Exception {
        String id = Risks.create("cg_officer", unique("物资采购廉政风险"), DemoUnits.VENUES);
        Api.as("cg_officer").get("/api/v1/risks/{id}", id).then().statusCode(200)
                .body("risk.status", equalTo("IDENTIFIED")).body("risk.level", nullValue())
                .body("risk.nextReviewOn", nullValue());
        assertThat(todoKinds("jiandu", id)).containsExactly("risk.grade");

        Risks.grade(id, 3, 4).then().statusCode(200)
                .body("risk.score", equalTo(12)).body("risk.level", equalTo("SIGNIFICANT"))
                .body("risk.reviewCycle", equalTo("QUARTERLY"));
        LocalDate due = today().plusMonths(3);
        Risks.detail("cg_officer", id).then().body("risk.nextReviewOn", equalTo(due.toString()))
                .body("risk.reviewWarning", equalTo("GREEN"));
        assertThat(todoKinds("jiandu", id)).isEmpty();
        assertThat(obligations(id, "REVIEW")).singleElement().satisfies(o -> {
            assertThat(o.get("state")).isEqualTo("PENDING");
            assertThat(o.get("dueOn")).isEqualTo(due.toString());
        });

        // Two days before: due soon, on the officer's to-do list.
        clock.shift(Duration.ofDays(ChronoUnit.DAYS.between(today(), due) - 2));
        sweep.run();
        Risks.detail("cg_officer", id).then().body("risk.reviewWarning", equalTo("YELLOW"));
        assertThat(todoKinds("cg_officer", id)).contains("risk.review-due");
        assertThat(Api.as("cg_officer").queryParam("reviewState", "YELLOW").queryParam("limit", 200).get("/api/v1/risks")
                .then().extract().<List<String>>path("items.id")).contains(id);

        // The day after: missed.
        clock.shift(Duration.ofDays(3));
        Risks.detail("cg_officer", id).then().body("risk.reviewWarning", equalTo("RED"));
        assertThat(obligations(id, "REVIEW")).singleElement().extracting(o -> o.get("state")).isEqualTo("MISSING");
        assertThat(Api.as("cg_officer").queryParam("reviewState", "RED").queryParam("limit", 200).get("/api/v1/risks")
                .then().extract().<List<String>>path("items.id")).contains(id);
        assertThat(Api.as("jiandu").queryParam("state", "MISSING").queryParam("unitId", DemoUnits.VENUES.toString())
                .queryParam("limit", 200).get("/api/v1/risk-obligations").then().extract().<List<String>>path("items.risk.id"))
                .contains(id);

        // Another instance holds the row (mid-batch): this one skips it instead of waiting, and flags it later.
        String obligation = (String) obligations(id, "REVIEW").get(0).get("id");
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select id from risk_obligation where id = cast(:id as uuid) for update")
                    .setParameter("id", obligation).getResultList();
            locked.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture.supplyAsync(scheduler::flagMissed).get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(timeline(id)).doesNotContain("risk.review-missed");
        } finally {
            release.countDown();
            holder.get();
        }

        // Two instances flag it at once: one event.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(scheduler::flagMissed);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(scheduler::flagMissed);
        one.get();
        two.get();
        scheduler.flagMissed();
        assertThat(timeline(id).stream().filter("risk.review-missed"::equals)).hasSize(1);

        // Done at last: late; the next review counts from this one.
        LocalDate held = today();
        Api.as("cg_officer").header("If-Match", Risks.detail("cg_officer", id).header("ETag"))
                .body(Risks.review(held.toString(), null, null)).post("/api/v1/risks/{id}/reviews", id)
                .then().statusCode(201).body("onTime", equalTo(false)).body("dueOn", equalTo(due.toString()))
                .body("levelBefore", equalTo("SIGNIFICANT")).body("levelAfter", equalTo("SIGNIFICANT"));
        List<Map<String, Object>> reviews = obligations(id, "REVIEW");
        assertThat(reviews).extracting(o -> o.get("state")).containsExactly("LATE", "PENDING");
        Risks.detail("cg_officer", id).then().body("risk.nextReviewOn", equalTo(held.plusMonths(3).toString()))
                .body("risk.lastReviewedOn", equalTo(held.toString())).body("risk.reviewWarning", equalTo("GREEN"));
        assertThat(todoKinds("cg_officer", id)).doesNotContain("risk.review-due");
    }

    @Test
    void reviewRaisingToMajorOpensAReportObligationMetWhenReportedInTime() {
        String id = Risks.create("cg_officer", unique("赛事舆情风险"), DemoUnits.VENUES);
        Risks.grade(id, 3, 4).then().statusCode(200);
        assertThat(obligations(id, "REPORT")).isEmpty();

        String on = today().toString();
        Api.as("cg_officer").header("If-Match", Risks.detail("cg_officer", id).header("ETag"))
                .body(Risks.review(on, 4, 5)).post("/api/v1/risks/{id}/reviews", id)
                .then().statusCode(201).body("levelBefore", equalTo("SIGNIFICANT")).body("levelAfter", equalTo("MAJOR"))
                .body("onTime", equalTo(true));
        var risk = Risks.detail("cg_officer", id).then().statusCode(200)
                .body("risk.level", equalTo("MAJOR")).body("risk.score", equalTo(20))
                .body("risk.reviewCycle", equalTo("MONTHLY"))
                .body("risk.nextReviewOn", equalTo(today().plusMonths(1).toString()))
                .body("gradings.source", equalTo(List.of("GRADING", "REVIEW")))
                .body("gradings[1].previousLevel", equalTo("SIGNIFICANT"))
                .body("gradings[1].level", equalTo("MAJOR"))
                .extract();
        assertThat((String) risk.path("risk.reportDueAt")).isNotNull();
        assertThat(obligations(id, "REPORT")).singleElement().extracting(o -> o.get("state")).isEqualTo("PENDING");
        assertThat(todoKinds("cg_officer", id)).contains("risk.report-due");

        clock.shift(Duration.ofHours(23));
        Api.as("cg_officer").body(Map.of("recipient", "局机关党委", "documentNo", "场馆字〔2026〕3号", "content", "风险报告"))
                .post("/api/v1/risks/{id}/reports", id).then().statusCode(201).body("obligationId", equalTo(
                        obligations(id, "REPORT").get(0).get("id")));
        assertThat(obligations(id, "REPORT")).singleElement().extracting(o -> o.get("state")).isEqualTo("MET");
        Risks.detail("cg_officer", id).then().body("risk.reportDueAt", nullValue()).body("reports", org.hamcrest.Matchers.hasSize(1));
        assertThat(todoKinds("cg_officer", id)).doesNotContain("risk.report-due");
        assertThat(timeline(id)).contains("risk.report-required", "risk.obligation-met", "risk.reported");
    }

    @Test
    void reportsAreLateOrMissingAsTheClockMovesAndTheSummaryCountsThem() {
        UUID unit = DemoOrganisation.idOf("SJ-XLZX-DZB");
        String late = Risks.create("jiandu", unique("涉密文件传输风险"), unit);
        String never = Risks.create("jiandu", unique("互联网邮箱涉密风险"), unit);
        Risks.grade(late, 4, 5).then().statusCode(200).body("risk.level", equalTo("MAJOR"));
        Risks.grade(never, 3, 5).then().statusCode(200).body("risk.level", equalTo("MAJOR"));
        // Graded again while still 重大: no second obligation.
        Risks.grade(never, 4, 4).then().statusCode(200).body("risk.level", equalTo("MAJOR"));
        assertThat(obligations(never, "REPORT")).hasSize(1);

        clock.shift(Duration.ofHours(25));
        assertThat(obligations(late, "REPORT")).singleElement().extracting(o -> o.get("state")).isEqualTo("MISSING");
        assertThat(todoKinds("jiandu", late)).isEmpty(); // reports are the unit's to-do, not the supervisor's
        scheduler.flagMissed();
        scheduler.flagMissed();
        assertThat(timeline(never).stream().filter("risk.report-missing"::equals)).hasSize(1);

        Api.as("jiandu").body(Map.of("recipient", "局机关党委", "content", "迟到的报告"))
                .post("/api/v1/risks/{id}/reports", late).then().statusCode(201);
        assertThat(obligations(late, "REPORT")).singleElement().extracting(o -> o.get("state")).isEqualTo("LATE");
        assertThat(obligations(never, "REPORT")).singleElement().extracting(o -> o.get("state")).isEqualTo("MISSING");

        Map<String, Object> row = summaryRow(unit, "REPORT");
        assertThat(row).containsEntry("met", 0).containsEntry("late", 1).containsEntry("missing", 1).containsEntry("pending", 0);
        // Narrowed to the unit and kind, the summary holds that one row and totals it.
        Api.as("jiandu").queryParam("from", today().minusDays(3).toString()).queryParam("to", today().plusDays(3).toString())
                .queryParam("unitId", unit.toString()).queryParam("kind", "REPORT").get("/api/v1/risk-obligations/summary")
                .then().statusCode(200).body("units.size()", equalTo(1)).body("late", equalTo(1)).body("missing", equalTo(1));
        assertThat(Api.as("jiandu").queryParam("unitId", unit.toString()).queryParam("state", "LATE")
                .get("/api/v1/risk-obligations").then().extract().<List<String>>path("items.risk.id")).containsExactly(late);
        // Out of scope for another unit's officer.
        assertThat(Api.as("xx_officer").queryParam("unitId", unit.toString()).get("/api/v1/risk-obligations")
                .then().statusCode(200).extract().<List<Object>>path("items")).isEmpty();
    }

    private Map<String, Object> summaryRow(UUID unit, String kind) {
        List<Map<String, Object>> units = Api.as("jiandu").queryParam("from", today().minusDays(3).toString())
                .queryParam("to", today().plusDays(3).toString()).get("/api/v1/risk-obligations/summary")
                .then().statusCode(200).extract().path("units");
        return units.stream().filter(u -> unit.toString().equals(((Map<?, ?>) u.get("unit")).get("id")) && kind.equals(u.get("kind")))
                .findFirst().orElseThrow();
    }

    @Test
    void lifeNeedsGradeMeasuresAndResidualAndClosingStopsReviews() {
        String id = Api.as("cg_officer").body(Map.of("name", unique("无措施风险"), "category", "INTEGRITY",
                        "unitId", DemoUnits.VENUES.toString())).post("/api/v1/risks")
                .then().statusCode(201).extract().path("risk.id");
        Risks.act("cg_officer", id, "start-control", null).then().statusCode(409).body("code", equalTo("risk.not-graded"));
        Risks.grade(id, 2, 3).then().statusCode(200).body("risk.level", equalTo("GENERAL"));
        Risks.act("cg_officer", id, "start-control", null).then().statusCode(409).body("code", equalTo("risk.no-measures"));
        Api.as("cg_officer").body(Map.of("content", "签订廉政承诺书")).post("/api/v1/risks/{id}/measures", id).then().statusCode(200);
        Risks.act("cg_officer", id, "start-control", null).then().statusCode(200).body("risk.status", equalTo("CONTROLLING"));
        Risks.act("jiandu", id, "controlled", null).then().statusCode(409).body("code", equalTo("risk.measures-open"))
                .body("openMeasures", equalTo(1));
        var d = Risks.detail("cg_officer", id);
        String measure = d.path("measures[0].id");
        Api.as("cg_officer").header("If-Match", "\"" + d.path("measures[0].version") + "\"")
                .post("/api/v1/risks/{id}/measures/{m}/done", id, measure).then().statusCode(200)
                .body("measures[0].status", equalTo("DONE"));
        Risks.act("jiandu", id, "controlled", null).then().statusCode(409).body("code", equalTo("risk.no-residual"));
        Risks.act("jiandu", id, "grading", Map.of("likelihood", 2, "impact", 3, "residualLikelihood", 1, "residualImpact", 2))
                .then().statusCode(200).body("risk.residualLevel", equalTo("LOW")).body("risk.residualScore", equalTo(2));
        Risks.act("cg_officer", id, "controlled", null).then().statusCode(403);
        Risks.act("jiandu", id, "controlled", null).then().statusCode(200).body("risk.status", equalTo("CONTROLLED"));

        Risks.act("jiandu", id, "close", Map.of("reason", "风险已消除")).then().statusCode(200)
                .body("risk.status", equalTo("CLOSED")).body("risk.nextReviewOn", nullValue())
                .body("risk.reviewWarning", nullValue());
        assertThat(obligations(id, "REVIEW")).singleElement().extracting(o -> o.get("state")).isEqualTo("CANCELLED");
        Risks.act("cg_officer", id, "reviews", Risks.review(today().toString(), null, null)).then().statusCode(409)
                .body("code", equalTo("risk.illegal-transition"));
        Risks.act("jiandu", id, "reopen", Map.of("reason", "问题反弹")).then().statusCode(200)
                .body("risk.status", equalTo("CONTROLLING"))
                .body("risk.nextReviewOn", equalTo(today().plusMonths(6).toString()));
    }

    @Test
    void otherUnitsCannotSeeOrTouchTheRiskAndRolesAreChecked() {
        String id = Risks.create("cg_officer", unique("场馆安全风险"), DemoUnits.VENUES);
        String etag = Risks.detail("cg_officer", id).header("ETag");
        Api.as("xx_officer").get("/api/v1/risks/{id}", id).then().statusCode(404);
        Api.as("xx_officer").header("If-Match", etag).body(Risks.review(today().toString(), null, null))
                .post("/api/v1/risks/{id}/reviews", id).then().statusCode(404);
        Api.as("xx_officer").get("/api/v1/risks/{id}/timeline", id).then().statusCode(404);
        assertThat(Api.as("xx_officer").queryParam("limit", 200).get("/api/v1/risks").then().statusCode(200)
                .extract().<List<String>>path("items.id")).doesNotContain(id);
        Api.as("cg_viewer").get("/api/v1/risks/{id}", id).then().statusCode(404); // a branch below the centre
        Api.as("lingdao").get("/api/v1/risks/{id}", id).then().statusCode(200);

        // A unit officer registers only for units in scope.
        Api.as("cg_officer").body(Risks.body("越权登记", DemoUnits.SCHOOL, "OTHER")).post("/api/v1/risks")
                .then().statusCode(400).body("violations.field", hasItem("unitId"));
        // Roles.
        Api.as("cg_officer").header("If-Match", etag).body(Map.of("likelihood", 5, "impact", 5))
                .post("/api/v1/risks/{id}/grading", id).then().statusCode(403);
        Api.as("lingdao").body(Risks.body("领导登记", DemoUnits.VENUES, "OTHER")).post("/api/v1/risks").then().statusCode(403);
        Api.as("cg_viewer").body(Risks.body("查看登记", DemoUnits.VENUES_BRANCH, "OTHER")).post("/api/v1/risks").then().statusCode(403);
        Api.as("jiandu").body(Map.of("likelihoodLabels", List.of("1", "2", "3", "4", "5"), "impactLabels", List.of("1", "2", "3", "4", "5"),
                "majorMin", 15, "significantMin", 10, "generalMin", 5)).post("/api/v1/risk-matrix").then().statusCode(403);
        // Stale and missing If-Match.
        Risks.grade(id, 2, 2).then().statusCode(200);
        Api.as("jiandu").header("If-Match", etag).body(Map.of("likelihood", 3, "impact", 3))
                .post("/api/v1/risks/{id}/grading", id).then().statusCode(412);
        Api.as("jiandu").body(Map.of("likelihood", 3, "impact", 3)).post("/api/v1/risks/{id}/grading", id).then().statusCode(428);
        Api.as("cg_officer").header("If-Match", etag).body(Map.of("name", "改名"))
                .patch("/api/v1/risks/{id}", id).then().statusCode(412);
        // Bad input is refused whole.
        Risks.act("jiandu", id, "grading", Map.of("likelihood", 6, "impact", 0)).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", org.hamcrest.Matchers.hasItems("likelihood", "impact"));
        Risks.act("cg_officer", id, "reviews", Risks.review(today().plusDays(1).toString(), null, null)).then().statusCode(400)
                .body("violations.field", hasItem("reviewedOn"));
        Risks.detail("jiandu", id).then().body("risk.score", equalTo(4)).body("reviews", org.hamcrest.Matchers.empty());
    }

    @Test
    void reviewsOpenRectificationItemsAndTasksLinkedBothWays() {
        String id = Risks.create("cg_officer", unique("采购验收风险"), DemoUnits.VENUES);
        Risks.grade(id, 3, 3).then().statusCode(200);
        String review = Risks.act("cg_officer", id, "reviews", Risks.review(today().toString(), null, null))
                .then().statusCode(201).extract().path("id");
        Map<String, Object> item = new java.util.HashMap<>(Map.of("title", "研判发现：验收单缺少双人签字",
                "source", "SELF_CHECK", "category", "INTEGRITY", "severity", "MODERATE", "foundOn", today().toString(),
                "unitId", DemoUnits.VENUES.toString(), "kind", "TIME_LIMITED", "deadline", today().plusDays(30).toString()));
        item.put("originType", "RISK_REVIEW");
        item.put("originId", review);
        String rect = Api.as("jiandu").body(item).post("/api/v1/rectifications").then().statusCode(201)
                .body("item.originType", equalTo("RISK_REVIEW")).body("item.originId", equalTo(review)).extract().path("item.id");
        String task = Api.as("jiandu").body(Map.of("title", "研判督办：采购验收双人签字", "category", "OTHER",
                        "originType", "RISK_REVIEW", "originId", review)).post("/api/v1/tasks")
                .then().statusCode(201).body("task.originId", equalTo(review)).extract().path("task.id");
        var links = Risks.detail("jiandu", id).then().statusCode(200).extract().<List<Map<String, Object>>>path("reviews[0].links");
        assertThat(links).extracting(l -> l.get("type") + ":" + l.get("id")).containsExactlyInAnyOrder("rectification:" + rect, "task:" + task);
        // Both lead back to the risk, which the pages link to.
        String code = Risks.detail("jiandu", id).then().extract().path("risk.code");
        Api.as("cg_officer").get("/api/v1/rectifications/{id}", rect).then().statusCode(200)
                .body("item.origin.entityType", equalTo("risk")).body("item.origin.entityId", equalTo(id))
                .body("item.origin.label", org.hamcrest.Matchers.startsWith(code));
        Api.as("jiandu").get("/api/v1/tasks/{id}", task).then().body("task.origin.entityId", equalTo(id));
        // An item for another unit shows its origin only to those who may see the risk.
        item.put("unitId", DemoUnits.SCHOOL.toString());
        String other = Api.as("jiandu").body(item).post("/api/v1/rectifications").then().statusCode(201).extract().path("item.id");
        Api.as("xx_officer").get("/api/v1/rectifications/{id}", other).then().statusCode(200)
                .body("item.originId", equalTo(review)).body("item.origin", nullValue());
        Api.as("jiandu").get("/api/v1/rectifications/{id}", other).then().body("item.origin.entityId", equalTo(id));
        item.put("unitId", DemoUnits.VENUES.toString());
        // The task is a draft: the unit's officer sees the rectification link only.
        assertThat(Risks.detail("cg_officer", id).then().extract().<List<String>>path("reviews[0].links.id")).containsExactly(rect);

        item.put("originId", UUID.randomUUID().toString());
        Api.as("jiandu").body(item).post("/api/v1/rectifications").then().statusCode(400).body("violations.field", hasItem("originId"));
    }

    @Test
    void measureComingDueShowsInTheUnitsToDosUntilDone() {
        String id = Risks.create("cg_officer", unique("涉密文件传输风险"), DemoUnits.VENUES);
        Api.as("cg_officer").body(Map.of("content", "清理互联网邮箱中的涉密文件", "ownerName", "周涛",
                "deadline", today().plusDays(2).toString())).post("/api/v1/risks/{id}/measures", id).then().statusCode(200);
        Api.as("cg_officer").body(Map.of("content", "年度保密培训", "deadline", today().plusMonths(6).toString()))
                .post("/api/v1/risks/{id}/measures", id).then().statusCode(200);
        List<Map<String, Object>> todos = Api.as("cg_officer").queryParam("limit", 200).get("/api/v1/me/todos")
                .then().statusCode(200).extract().path("items");
        // Only the measure due within the warning window is a to-do; one far ahead is not yet: one to-do for the
        // risk, due when that measure is, leading to it.
        assertThat(todos).filteredOn(t -> id.equals(t.get("flowId"))).singleElement().satisfies(t -> {
            assertThat(t.get("kinds")).isEqualTo(List.of("risk.measure-due"));
            assertThat(t.get("due")).isEqualTo(today().plusDays(2).toString());
            assertThat(t.get("warning")).isEqualTo("YELLOW");
            assertThat((String) t.get("link")).contains("?measure=");
        });
        assertThat(todoKinds("xx_officer", id)).isEmpty();

        Map<String, Object> measure = Risks.detail("cg_officer", id).then().extract().<List<Map<String, Object>>>path("measures")
                .stream().filter(m -> "清理互联网邮箱中的涉密文件".equals(m.get("content"))).findFirst().orElseThrow();
        Api.as("cg_officer").header("If-Match", "\"" + measure.get("version") + "\"").body(Map.of("evidence", "已清理并登记"))
                .post("/api/v1/risks/{id}/measures/{m}/done", id, measure.get("id")).then().statusCode(200)
                .body("measures.find { it.id == '" + measure.get("id") + "' }.status", equalTo("DONE"))
                .body("measures.find { it.id == '" + measure.get("id") + "' }.evidence", equalTo("已清理并登记"));
        assertThat(todoKinds("cg_officer", id)).isEmpty();
    }

    @Test
    void gradingAgainWithoutResidualValuesKeepsTheEarlierResidualAssessment() {
        String id = Risks.create("cg_officer", unique("场馆出租廉政风险"), DemoUnits.VENUES);
        Risks.act("jiandu", id, "grading", Map.of("likelihood", 4, "impact", 4, "residualLikelihood", 2, "residualImpact", 3,
                "reason", "初次评级")).then().statusCode(200)
                .body("risk.level", equalTo("MAJOR")).body("risk.residualLevel", equalTo("GENERAL"));
        Risks.act("jiandu", id, "grading", Map.of("likelihood", 3, "impact", 3, "reason", "管控见效")).then().statusCode(200)
                .body("risk.level", equalTo("GENERAL")).body("risk.residualScore", equalTo(6))
                .body("gradings.size()", equalTo(2));
    }

    @Test
    void aReviewRaisingTheGradeKeepsTheResidualAndOnlyASupervisorMayLowerIt() {
        String id = Risks.create("cg_officer", unique("宣传稿件审核风险"), DemoUnits.VENUES);
        Risks.act("jiandu", id, "grading", Map.of("likelihood", 3, "impact", 3, "residualLikelihood", 2, "residualImpact", 2))
                .then().statusCode(200).body("risk.residualLevel", equalTo("LOW"));
        // The officer raises it at a review, saying nothing of the residual grade: it stays.
        Risks.act("cg_officer", id, "reviews", Risks.review(today().toString(), 3, 4)).then().statusCode(201)
                .body("levelAfter", equalTo("SIGNIFICANT"));
        Risks.detail("cg_officer", id).then().body("risk.residualLikelihood", equalTo(2)).body("risk.residualLevel", equalTo("LOW"));
        // Lowering is not the unit's call; nothing of the review is kept.
        Risks.act("cg_officer", id, "reviews", Risks.review(today().toString(), 1, 2)).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("risk.lowering-forbidden"));
        Risks.detail("jiandu", id).then().body("risk.level", equalTo("SIGNIFICANT")).body("reviews.size()", equalTo(1));
        // The same holds for the residual grade (what remains after the measures): lowering it is
        // as much a judgement of the unit's own work as lowering the inherent one.
        Map<String, Object> residualUp = Risks.review(today().toString(), 3, 4);
        residualUp.put("residualLikelihood", 3);
        residualUp.put("residualImpact", 3);
        Risks.act("cg_officer", id, "reviews", residualUp).then().statusCode(201);
        Map<String, Object> residualDown = Risks.review(today().toString(), 3, 4);
        residualDown.put("residualLikelihood", 1);
        residualDown.put("residualImpact", 1);
        Risks.act("cg_officer", id, "reviews", residualDown).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("risk.lowering-forbidden"));
        Risks.detail("jiandu", id).then().body("risk.residualLevel", equalTo("GENERAL")).body("risk.residualLikelihood", equalTo(3))
                .body("reviews.size()", equalTo(2));
        Risks.act("jiandu", id, "reviews", Risks.review(today().toString(), 1, 2)).then().statusCode(201)
                .body("levelAfter", equalTo("LOW"));
        // Nor may the unit stretch the review cycle beyond its level's default; shortening it is fine.
        Risks.grade(id, 3, 4).then().statusCode(200).body("risk.reviewCycle", equalTo("QUARTERLY"));
        Api.as("cg_officer").header("If-Match", Risks.detail("cg_officer", id).header("ETag")).body(Map.of("reviewCycle", "YEARLY"))
                .patch("/api/v1/risks/{id}", id).then().statusCode(400).body("violations.field", hasItem("reviewCycle"));
        Api.as("cg_officer").header("If-Match", Risks.detail("cg_officer", id).header("ETag")).body(Map.of("reviewCycle", "MONTHLY"))
                .patch("/api/v1/risks/{id}", id).then().statusCode(200).body("risk.reviewCycle", equalTo("MONTHLY"));
        // Nor when registering, before any grade.
        Map<String, Object> yearly = Risks.body(unique("年度研判"), DemoUnits.VENUES, "OTHER");
        yearly.put("reviewCycle", "YEARLY");
        Api.as("cg_officer").body(yearly).post("/api/v1/risks").then().statusCode(400).body("violations.field", hasItem("reviewCycle"));
        Api.as("jiandu").body(yearly).post("/api/v1/risks").then().statusCode(201).body("risk.reviewCycleOverride", equalTo("YEARLY"));
    }

    @Test
    void aReviewDueByTheCycleIsNeverScheduledInThePast() {
        String id = Risks.create("cg_officer", unique("网络舆情应对风险"), DemoUnits.VENUES);
        Risks.grade(id, 3, 3).then().statusCode(200).body("risk.reviewCycle", equalTo("HALF_YEARLY"));
        // Reviewed 40 days ago (recorded late), then raised to 重大 whose cycle is a month: due today, not missed.
        Risks.act("cg_officer", id, "reviews", Risks.review(today().minusDays(40).toString(), null, null)).then().statusCode(201);
        Risks.grade(id, 4, 4).then().statusCode(200).body("risk.level", equalTo("MAJOR"))
                .body("risk.nextReviewOn", equalTo(today().toString())).body("risk.reviewWarning", equalTo("YELLOW"));
        assertThat(obligations(id, "REVIEW")).extracting(o -> o.get("state")).containsExactly("PENDING", "MET"); // by due date: the review held early answered the half-yearly one
    }

    @Test
    void aNewMeasureOnAControlledRiskPutsItUnderControlAgain() {
        String id = Risks.create("cg_officer", unique("节日作风风险"), DemoUnits.VENUES);
        Risks.act("jiandu", id, "grading", Map.of("likelihood", 2, "impact", 3, "residualLikelihood", 1, "residualImpact", 2))
                .then().statusCode(200);
        var d = Risks.detail("cg_officer", id);
        Api.as("cg_officer").header("If-Match", "\"" + d.path("measures[0].version") + "\"")
                .post("/api/v1/risks/{id}/measures/{m}/done", id, d.path("measures[0].id")).then().statusCode(200);
        Risks.act("cg_officer", id, "start-control", null).then().statusCode(200);
        Risks.act("jiandu", id, "controlled", null).then().statusCode(200).body("risk.status", equalTo("CONTROLLED"));
        Api.as("cg_officer").body(Map.of("content", "节前再提醒")).post("/api/v1/risks/{id}/measures", id)
                .then().statusCode(200).body("risk.status", equalTo("CONTROLLING"));
        assertThat(timeline(id)).contains("risk.control-resumed");
    }

    @Test
    void aClosedRiskLeavesNoReviewToDoButItsMissedReviewStaysOnRecord() {
        String id = Risks.create("cg_officer", unique("场馆安保廉政风险"), DemoUnits.VENUES);
        Risks.grade(id, 4, 4).then().statusCode(200);
        Risks.report(id).then().statusCode(201);
        clock.shift(Duration.ofDays(40));
        sweep.run();
        assertThat(todoKinds("cg_officer", id)).contains("risk.review-due");
        Risks.act("jiandu", id, "close", Map.of("reason", "场馆已移交")).then().statusCode(200);
        assertThat(todoKinds("cg_officer", id)).isEmpty();
        assertThat(obligations(id, "REVIEW")).singleElement().extracting(o -> o.get("state")).isEqualTo("MISSING");
    }
}
