package cn.qingfeng.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.support.TestClock;
import cn.qingfeng.task.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics of a period against a fixture counted by hand, in 2005 (no other test's year):
 * records, assignments and problems on either side of month, quarter, half-year and year edges in
 * Asia/Shanghai, in the venues centre (P), its branch (C, below P) and the sports school (S,
 * outside P). Then every figure of several answers drills into exactly as many records.
 */
@QuarkusTest
class StatisticsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final UUID P = DemoUnits.VENUES;
    private static final UUID C = DemoUnits.VENUES_BRANCH;
    private static final UUID S = DemoUnits.SCHOOL;
    private static boolean seeded;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the application's clock to a wall-clock time in Asia/Shanghai. */
    private void at(String localDateTime) {
        clock.reset();
        Instant target = LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
        clock.shift(Duration.between(Instant.now(), target));
    }

    @BeforeEach
    void fixture() {
        if (seeded) {
            return;
        }
        seeded = true;
        // Assignments issued one minute either side of 2005-07-01 00:00 in Shanghai (16:00 UTC the day before).
        at("2005-06-30T23:59:00");
        Tasks.issued("统计边界·上半年最后一分钟", LocalDate.of(2005, 7, 20), Map.of(P, "LEAD"));
        at("2005-07-01T00:00:30");
        Tasks.issued("统计边界·下半年第一分钟", LocalDate.of(2005, 7, 20), Map.of(C, "LEAD", S, "LEAD"));
        clock.reset();

        // Execution records held on the edge days, on one study task issued to all three.
        String study = Tasks.issued("统计边界·学习记录", LocalDate.now(SHANGHAI).plusDays(30), Map.of(P, "LEAD", C, "COOPERATING", S, "LEAD"));
        Map<UUID, String> assignment = new HashMap<>();
        List<Map<String, Object>> parts = Api.as("jiandu").get("/api/v1/tasks/{id}", study).then().extract().path("assignments");
        parts.forEach(a -> assignment.put(UUID.fromString((String) ((Map<?, ?>) a.get("unit")).get("id")), (String) a.get("id")));
        Tasks.act("cg_officer", assignment.get(P), "accept", null).then().statusCode(200);
        Tasks.act("cg_officer", assignment.get(C), "accept", null).then().statusCode(200);
        Tasks.act("xx_officer", assignment.get(S), "accept", null).then().statusCode(200);
        for (String day : List.of("2005-03-31", "2005-04-01", "2005-06-30", "2005-07-01")) {
            record("cg_officer", assignment.get(P), day);
        }
        record("cg_officer", assignment.get(C), "2005-01-01");
        record("cg_officer", assignment.get(C), "2004-12-31");
        record("xx_officer", assignment.get(S), "2005-02-01");

        // Problems found on the edge days.
        problem(P, "2005-06-30", "AUDIT", "SERIOUS");
        problem(C, "2005-07-01", "SELF_CHECK", "MINOR");
        problem(S, "2005-01-15", "SELF_CHECK", "MINOR");
    }

    private static void record(String officer, String assignment, String day) {
        Api.as(officer).body(Map.of("heldOn", day, "topic", "边界学习 " + day, "participantCount", 10))
                .post("/api/v1/assignments/{id}/records", assignment).then().statusCode(200);
    }

    private static void problem(UUID unit, String found, String source, String severity) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "统计边界问题 " + found);
        body.put("source", source);
        body.put("category", "STUDY");
        body.put("severity", severity);
        body.put("foundOn", found);
        body.put("unitId", unit.toString());
        body.put("kind", "ONGOING");
        Api.as("jiandu").body(body).post("/api/v1/rectifications").then().statusCode(201);
    }

    private static Map<String, Long> of(String user, String period, UUID unit) {
        Map<String, Object> q = new HashMap<>(Map.of("period", period));
        if (unit != null) {
            q.put("unitId", unit.toString());
        }
        return Drills.values(Drills.figures(user, q));
    }

    @Test
    void figuresMatchTheHandCountAtPeriodEdges() {
        // The venues centre and its branch (P's subtree): records on 03-31, 04-01, 06-30, 07-01 (P), 01-01 and 2004-12-31 (C).
        assertThat(of("jiandu", "2005H1", P)).containsEntry("records.STUDY", 4L).containsEntry("tasks.issued", 1L)
                .containsEntry("rect.found", 1L).containsEntry("rect.severity.SERIOUS", 1L).containsEntry("rect.source.AUDIT", 1L);
        assertThat(of("jiandu", "2005H2", P)).containsEntry("records.STUDY", 1L).containsEntry("tasks.issued", 1L)
                .containsEntry("rect.found", 1L).containsEntry("rect.severity.MINOR", 1L);
        assertThat(of("jiandu", "2005Q1", P)).containsEntry("records.STUDY", 2L);
        assertThat(of("jiandu", "2005Q2", P)).containsEntry("records.STUDY", 2L).containsEntry("tasks.issued", 1L);
        assertThat(of("jiandu", "2005Q3", P)).containsEntry("records.STUDY", 1L).containsEntry("tasks.issued", 1L);
        assertThat(of("jiandu", "2005-03", P)).containsEntry("records.STUDY", 1L);
        assertThat(of("jiandu", "2005-06", P)).containsEntry("tasks.issued", 1L).containsEntry("records.STUDY", 1L);
        assertThat(of("jiandu", "2005-07", P)).containsEntry("tasks.issued", 1L).containsEntry("records.STUDY", 1L);
        assertThat(of("jiandu", "2005", P)).containsEntry("records.STUDY", 5L).containsEntry("tasks.issued", 2L)
                .containsEntry("rect.found", 2L).containsEntry("tasks.overdue", 2L);
        assertThat(of("jiandu", "2004", P)).containsEntry("records.STUDY", 1L).containsEntry("tasks.issued", 0L);
        // The branch alone, and the school (outside P's subtree).
        assertThat(of("jiandu", "2005H1", C)).containsEntry("records.STUDY", 1L).containsEntry("tasks.issued", 0L);
        assertThat(of("jiandu", "2005", S)).containsEntry("records.STUDY", 1L).containsEntry("tasks.issued", 1L).containsEntry("rect.found", 1L);
        // A from–to range across the year's edge.
        assertThat(Drills.values(Drills.figures("jiandu", Map.of("from", "2004-12-31", "to", "2005-01-01", "unitId", P.toString()))))
                .containsEntry("records.STUDY", 2L);
    }

    @Test
    void theTrendComparesWithThePreviousPeriodOfTheSameKind() {
        List<Map<String, Object>> h1 = Drills.figures("jiandu", Map.of("period", "2005H1", "unitId", P.toString()));
        Map<String, Object> study = h1.stream().filter(f -> "records.STUDY".equals(f.get("key"))).findFirst().orElseThrow();
        assertThat(study.get("previous")).isEqualTo(1);   // 2004H2: the branch's 2004-12-31
        Api.as("jiandu").queryParam("period", "2005Q1").get("/api/v1/statistics").then().statusCode(200)
                .body("period.previousCode", equalTo("2004Q4")).body("period.from", equalTo("2005-01-01"))
                .body("period.to", equalTo("2005-03-31")).body("period.words", equalTo("2005年第一季度"));
        Api.as("jiandu").queryParam("period", "2005-01").get("/api/v1/statistics").then().statusCode(200)
                .body("period.previousCode", equalTo("2004-12"));
        // The monthly trend splits the half-year at the month edges.
        List<Map<String, Object>> trend = h1.stream().filter(f -> "trend.issued".equals(f.get("key"))).toList();
        assertThat(trend).extracting(f -> ((Map<?, ?>) f.get("dims")).get("month") + "=" + f.get("value"))
                .containsExactly("2005-01=0", "2005-02=0", "2005-03=0", "2005-04=0", "2005-05=0", "2005-06=1");
    }

    @Test
    void aUnitOfficerCountsTheirOwnUnitsAndCannotAskForOthers() {
        assertThat(of("cg_officer", "2005H1", null)).containsEntry("records.STUDY", 4L).containsEntry("tasks.issued", 1L);
        assertThat(of("cg_officer", "2005H1", C)).containsEntry("records.STUDY", 1L);
        assertThat(of("xx_officer", "2005", null)).containsEntry("records.STUDY", 1L).containsEntry("rect.found", 1L);
        Api.as("cg_officer").queryParam("period", "2005H1").queryParam("unitId", S.toString()).get("/api/v1/statistics")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        // The bureau's leader sees all three units.
        assertThat(of("lingdao", "2005", null)).containsEntry("records.STUDY", 6L).containsEntry("tasks.issued", 3L)
                .containsEntry("rect.found", 3L);
    }

    @Test
    void everyFigureDrillsIntoExactlyTheRecordsItCounts() {
        int checked = 0;
        String current = LocalDate.now(SHANGHAI).getYear() + (LocalDate.now(SHANGHAI).getMonthValue() <= 6 ? "H1" : "H2");
        for (String user : List.of("lingdao", "cg_officer")) {
            for (String period : List.of("2005", "2005H1", current)) {
                checked += Drills.checkAll(user, Drills.figures(user, Map.of("period", period)));
            }
        }
        checked += Drills.checkAll("jiandu", Drills.figures("jiandu", Map.of("period", "2005Q3", "unitId", P.toString())));
        checked += Drills.checkAll("jiandu", Drills.figures("jiandu", Map.of("from", LocalDate.now(SHANGHAI).minusYears(9).toString(), "to", LocalDate.now(SHANGHAI).toString())));
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void badPeriodsAreRefusedWithTheFieldNamed() {
        for (String bad : List.of("2026Q5", "2026H3", "2026-13", "1899", "H1", "2026-1")) {
            Api.as("jiandu").queryParam("period", bad).get("/api/v1/statistics").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("period"));
        }
        Api.as("jiandu").queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/v1/statistics")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        Api.as("jiandu").queryParam("period", "2026H1").queryParam("from", "2026-01-01").get("/api/v1/statistics")
                .then().statusCode(400).body("violations[0].field", equalTo("period"));
    }
}
