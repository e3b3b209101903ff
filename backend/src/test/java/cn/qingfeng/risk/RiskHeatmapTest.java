package cn.qingfeng.risk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Heat-map counts against a hand-made fixture, inherent and residual, within scope and filters. */
@QuarkusTest
class RiskHeatmapTest {

    private static Map<String, Long> counts(String user, String tag, String basis, String extraKey, String extraValue) {
        var req = Api.as(user).queryParam("q", tag).queryParam("basis", basis);
        if (extraKey != null) {
            req.queryParam(extraKey, extraValue);
        }
        List<Map<String, Object>> cells = req.get("/api/v1/risks/heatmap").then().statusCode(200).extract().path("cells");
        assertThat(cells).hasSize(25);
        Map<String, Long> out = new HashMap<>();
        for (Map<String, Object> c : cells) {
            long n = ((Number) c.get("count")).longValue();
            if (n > 0) {
                out.put(c.get("likelihood") + "x" + c.get("impact"), n);
            }
        }
        return out;
    }

    private static String graded(String tag, UUID unit, String category, int l, int i, Integer rl, Integer ri) {
        Map<String, Object> body = Risks.body(tag + " " + category + " " + l + "x" + i, unit, category);
        String id = Api.as("jiandu").body(body).post("/api/v1/risks").then().statusCode(201).extract().path("risk.id");
        Map<String, Object> grade = new HashMap<>(Map.of("likelihood", l, "impact", i));
        if (rl != null) {
            grade.put("residualLikelihood", rl);
            grade.put("residualImpact", ri);
        }
        Risks.act("jiandu", id, "grading", grade).then().statusCode(200);
        return id;
    }

    @Test
    void countsPerCellMatchTheFixtureAndRespectScope() {
        String tag = "HM" + UUID.randomUUID().toString().substring(0, 8);
        graded(tag, DemoUnits.VENUES, "SECRECY", 4, 5, 2, 3);
        graded(tag, DemoUnits.VENUES, "SECRECY", 4, 5, 2, 2);
        graded(tag, DemoUnits.VENUES_BRANCH, "INTEGRITY", 2, 2, null, null);
        graded(tag, DemoUnits.SCHOOL, "SECRECY", 4, 5, 1, 1);
        graded(tag, DemoUnits.SCHOOL, "PUBLIC_OPINION", 3, 1, null, null);
        String closed = graded(tag, DemoUnits.SCHOOL, "IDEOLOGY", 5, 5, null, null);
        Risks.act("jiandu", closed, "close", Map.of("reason", "已消除")).then().statusCode(200);
        Api.as("jiandu").body(Risks.body(tag + " 未评级", DemoUnits.VENUES, "OTHER")).post("/api/v1/risks").then().statusCode(201);

        assertThat(counts("jiandu", tag, "INHERENT", null, null)).isEqualTo(Map.of("4x5", 3L, "2x2", 1L, "3x1", 1L));
        assertThat(counts("jiandu", tag, "RESIDUAL", null, null)).isEqualTo(Map.of("2x3", 1L, "2x2", 1L, "1x1", 1L));
        assertThat(counts("jiandu", tag, "INHERENT", "includeClosed", "true"))
                .isEqualTo(Map.of("4x5", 3L, "2x2", 1L, "3x1", 1L, "5x5", 1L));
        assertThat(counts("jiandu", tag, "INHERENT", "category", "SECRECY")).isEqualTo(Map.of("4x5", 3L));
        assertThat(counts("jiandu", tag, "INHERENT", "unitId", DemoUnits.SCHOOL.toString())).isEqualTo(Map.of("4x5", 1L, "3x1", 1L));
        var all = Api.as("jiandu").queryParam("q", tag).get("/api/v1/risks/heatmap").then().extract();
        assertThat(all.<Integer>path("total")).isEqualTo(5);
        assertThat(all.<Integer>path("ungraded")).isEqualTo(1);

        // Scope: the centre's officer sees the centre and its branch; the school's officer the school; a viewer of the branch only it.
        assertThat(counts("cg_officer", tag, "INHERENT", null, null)).isEqualTo(Map.of("4x5", 2L, "2x2", 1L));
        assertThat(counts("xx_officer", tag, "INHERENT", null, null)).isEqualTo(Map.of("4x5", 1L, "3x1", 1L));
        assertThat(counts("cg_viewer", tag, "INHERENT", null, null)).isEqualTo(Map.of("2x2", 1L));

        // A cell of the map is a filter of the list.
        assertThat(Api.as("cg_officer").queryParam("q", tag).queryParam("likelihood", 4).queryParam("impact", 5)
                .get("/api/v1/risks").then().statusCode(200).extract().<List<String>>path("items.unit.code"))
                .containsExactly("SJ-CGZX", "SJ-CGZX");
        assertThat(Api.as("jiandu").queryParam("q", tag).queryParam("basis", "RESIDUAL").queryParam("likelihood", 2)
                .queryParam("impact", 2).get("/api/v1/risks").then().extract().<List<String>>path("items.residualLevel"))
                .containsExactly("LOW");
        // The closed 5×5 risk is not in the cell's list unless closed ones are asked for, as on the map.
        assertThat(Api.as("jiandu").queryParam("q", tag).queryParam("likelihood", 5).queryParam("impact", 5)
                .get("/api/v1/risks").then().extract().<List<String>>path("items.id")).isEmpty();
        assertThat(Api.as("jiandu").queryParam("q", tag).queryParam("likelihood", 5).queryParam("impact", 5)
                .queryParam("includeClosed", true).get("/api/v1/risks").then().extract().<List<String>>path("items.id"))
                .containsExactly(closed);
        Api.as("jiandu").queryParam("likelihood", 6).get("/api/v1/risks").then().statusCode(400);
    }
}
