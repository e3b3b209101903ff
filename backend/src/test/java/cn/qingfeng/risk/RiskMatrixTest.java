package cn.qingfeng.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A new matrix version never rewrites a grade; re-grading is explicit and keeps both. */
@QuarkusTest
class RiskMatrixTest {

    private static Map<String, Object> matrix(int major, int significant, int general, String note) {
        return Map.of("likelihoodLabels", List.of("极少", "不太可能", "可能", "很可能", "几乎肯定"),
                "impactLabels", List.of("轻微", "较小", "中等", "较大", "严重"),
                "majorMin", major, "significantMin", significant, "generalMin", general, "note", note);
    }

    @Test
    void servedMatrixGradesEachCellByItsThresholds() {
        var m = Api.as("cg_viewer").get("/api/v1/risk-matrix").then().statusCode(200).extract();
        int major = m.path("majorMin");
        int significant = m.path("significantMin");
        int general = m.path("generalMin");
        List<Map<String, Object>> cells = m.path("cells");
        assertThat(cells).hasSize(25);
        for (Map<String, Object> c : cells) {
            int score = (Integer) c.get("likelihood") * (Integer) c.get("impact");
            assertThat(c.get("score")).isEqualTo(score);
            assertThat(c.get("level")).isEqualTo(RiskMatrix.level(score, major, significant, general).name());
        }
        assertThat(m.<Map<String, String>>path("reviewCycles")).containsEntry("MAJOR", "MONTHLY")
                .containsEntry("SIGNIFICANT", "QUARTERLY").containsEntry("GENERAL", "HALF_YEARLY").containsEntry("LOW", "YEARLY");
    }

    @Test
    void newMatrixKeepsEarlierGradesUntilARegradeWhichRecordsBoth() {
        String id = Risks.create("cg_officer", "矩阵变更测试-" + UUID.randomUUID().toString().substring(0, 8), DemoUnits.VENUES);
        int v1 = Risks.grade(id, 3, 3).then().statusCode(200).body("risk.level", equalTo("GENERAL"))
                .extract().path("risk.matrixVersion");
        Risks.act("jiandu", id, "regrading", Map.of("reason", "无变化")).then().statusCode(409)
                .body("code", equalTo("risk.matrix-current"));

        int v2 = Api.as("admin").body(matrix(16, 9, 4, "收紧较大风险阈值")).post("/api/v1/risk-matrix")
                .then().statusCode(201).body("version", equalTo(v1 + 1))
                .body("cells.find { it.likelihood == 3 && it.impact == 3 }.level", equalTo("SIGNIFICANT"))
                .extract().path("version");
        try {
            // The grade stays as given, with its version; the view says a newer matrix exists.
            Risks.detail("jiandu", id).then().body("risk.level", equalTo("GENERAL")).body("risk.matrixVersion", equalTo(v1))
                    .body("risk.matrixOutdated", equalTo(true)).body("gradings.size()", equalTo(1));
            Api.as("jiandu").get("/api/v1/risk-matrix/versions/{v}", v1).then().statusCode(200).body("significantMin", equalTo(10));

            Risks.act("jiandu", id, "regrading", Map.of("reason", "按新版评分矩阵重新评级")).then().statusCode(200)
                    .body("risk.level", equalTo("SIGNIFICANT")).body("risk.matrixVersion", equalTo(v2))
                    .body("risk.matrixOutdated", equalTo(false))
                    .body("risk.reviewCycle", equalTo("QUARTERLY"))
                    .body("gradings.size()", equalTo(2))
                    .body("gradings[0].level", equalTo("GENERAL")).body("gradings[0].matrixVersion", equalTo(v1))
                    .body("gradings[1].source", equalTo("REGRADING")).body("gradings[1].level", equalTo("SIGNIFICANT"))
                    .body("gradings[1].matrixVersion", equalTo(v2))
                    .body("gradings[1].previousLevel", equalTo("GENERAL"))
                    .body("gradings[1].previousMatrixVersion", equalTo(v1));
            List<Map<String, Object>> events = Api.as("jiandu").get("/api/v1/risks/{id}/timeline", id)
                    .then().extract().path("items");
            assertThat(events).filteredOn(e -> "risk.regraded".equals(e.get("action"))).hasSize(1);
            assertThat(Api.as("shenji").queryParam("action", "risk-matrix.created").get("/api/v1/events")
                    .then().statusCode(200).extract().<List<String>>path("items.entityId")).contains(String.valueOf(v2));

            Api.as("admin").body(matrix(10, 12, 5, "阈值顺序错误")).post("/api/v1/risk-matrix").then().statusCode(400)
                    .contentType("application/problem+json");
            Map<String, Object> noColour = new java.util.HashMap<>(matrix(15, 10, 5, "缺少颜色"));
            Map<String, String> colours = new java.util.HashMap<>();
            colours.put("MAJOR", null);
            noColour.put("colours", colours);
            Api.as("admin").body(noColour).post("/api/v1/risk-matrix").then().statusCode(400).contentType("application/problem+json");
        } finally {
            // Later tests grade with the office's thresholds again (as a newer version: versions are never removed).
            Api.as("admin").body(matrix(15, 10, 5, "恢复初始阈值")).post("/api/v1/risk-matrix").then().statusCode(201);
        }
    }
}
