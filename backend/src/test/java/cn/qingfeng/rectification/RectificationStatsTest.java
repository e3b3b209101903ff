package cn.qingfeng.rectification;

import static cn.qingfeng.rectification.RectificationTest.act;
import static cn.qingfeng.rectification.RectificationTest.measure;
import static cn.qingfeng.rectification.RectificationTest.problem;
import static cn.qingfeng.rectification.RectificationTest.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The statistics of a period against a fixture counted by hand. */
@QuarkusTest
class RectificationStatsTest {

    private static final LocalDate FOUND = LocalDate.of(2001, 3, 15);

    private static String item(String title, UUID unit, String source, String severity, LocalDate deadline) {
        Map<String, Object> body = problem(title, unit, "TIME_LIMITED", deadline, 1);
        body.put("foundOn", FOUND.toString());
        body.put("source", source);
        body.put("severity", severity);
        return RectificationTest.create(body);
    }

    private static void close(String id, String officer) {
        act(officer, id, "start", null).then().statusCode(200);
        measure(officer, id, 0, "done", null).then().statusCode(200);
        upload(officer, "RECTIFICATION", id, "e.pdf", id).then().statusCode(201);
        act(officer, id, "apply", null).then().statusCode(200);
        act("jiandu", id, "verify", Map.of("opinion", "同意", "verifiedOn", LocalDate.now().toString())).then().statusCode(200);
    }

    @Test
    void statisticsMatchAHandCountedFixture() {
        // Venues centre: closed on time, closed late, applied; school: in progress, pending.
        String onTime = item("按时销号", DemoUnits.VENUES, "AUDIT", "SERIOUS", LocalDate.now().plusYears(1));
        String late = item("超期销号", DemoUnits.VENUES, "AUDIT", "MINOR", LocalDate.of(2001, 6, 30));
        String applied = item("已申请", DemoUnits.VENUES, "SELF_CHECK", "MINOR", LocalDate.now().plusYears(1));
        String working = item("整改中", DemoUnits.SCHOOL, "COMPLAINT", "MODERATE", LocalDate.now().plusYears(1));
        item("待整改", DemoUnits.SCHOOL, "SELF_CHECK", "MINOR", LocalDate.now().plusYears(1));
        close(onTime, "cg_officer");
        close(late, "cg_officer");
        act("cg_officer", applied, "start", null).then().statusCode(200);
        measure("cg_officer", applied, 0, "waive", Map.of("reason", "不适用")).then().statusCode(200);
        upload("cg_officer", "RECTIFICATION", applied, "a.pdf", applied).then().statusCode(201);
        act("cg_officer", applied, "apply", null).then().statusCode(200);
        act("xx_officer", working, "start", null).then().statusCode(200);

        String from = "2001-01-01";
        String to = "2001-12-31";
        Api.as("lingdao").queryParam("from", from).queryParam("to", to).get("/api/v1/rectifications/stats").then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("byStatus.CLOSED", equalTo(2)).body("byStatus.APPLIED", equalTo(1))
                .body("byStatus.IN_PROGRESS", equalTo(1)).body("byStatus.PENDING", equalTo(1))
                .body("bySource.AUDIT", equalTo(2)).body("bySource.SELF_CHECK", equalTo(2)).body("bySource.COMPLAINT", equalTo(1))
                .body("bySeverity.MINOR", equalTo(3)).body("bySeverity.SERIOUS", equalTo(1)).body("bySeverity.MODERATE", equalTo(1))
                .body("rectificationRate", equalTo(0.4f))
                .body("onTimeRate", equalTo(0.5f));
        List<Map<String, Object>> byUnit = Api.as("lingdao").queryParam("from", from).queryParam("to", to)
                .get("/api/v1/rectifications/stats").then().extract().path("byUnit");
        assertThat(byUnit).extracting(u -> ((Map<?, ?>) u.get("unit")).get("code"), u -> u.get("total"), u -> u.get("closed"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SJ-CGZX", 3, 2), org.assertj.core.groups.Tuple.tuple("SJ-YDXX", 2, 0));

        // Scoped: the school's officer counts only the school's two.
        Api.as("xx_officer").queryParam("from", from).queryParam("to", to).get("/api/v1/rectifications/stats").then()
                .statusCode(200).body("total", equalTo(2)).body("rectificationRate", equalTo(0.0f));
    }
}
