package cn.qingfeng.bulk;

import static cn.qingfeng.bulk.Workbooks.commit;
import static cn.qingfeng.bulk.Workbooks.dryRun;
import static cn.qingfeng.bulk.Workbooks.sheet;
import static cn.qingfeng.bulk.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A file from upload to committed records: the dry run's report, the commit's choices, and the same file twice. */
@QuarkusTest
class ImportFlowTest {

    private static final LocalDate IN_A_MONTH = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    @Test
    void dryRunReportsEveryProblemWritesNothingAndTheValidRowsCommit() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = xlsx(
                sheet("任务", List.of(
                        row("任务标题", "任务类别", "办理期限", "牵头单位", "配合单位", "外部编号"),
                        row("导入任务甲" + tag, "理论学习", IN_A_MONTH, "体育场馆管理中心", null, "FW-" + tag + "-1"),
                        row("导入任务乙" + tag, "不存在的类别", "2026-13-45", "体育运动学校", null, "FW-" + tag + "-2"),
                        row("导入任务丙" + tag, "工作部署", "2031/4/5", "SJ-YDXX", null, "FW-" + tag + "-3"))),
                sheet("承办单位", List.of(
                        row("所属任务", "承办单位", "承办方式"),
                        row("FW-" + tag + "-3", "体育场馆管理中心", "配合"))));

        JsonPath job = dryRun("jiandu", "tasks", "督办任务.xlsx", file, Map.of());
        assertThat(job.getString("status")).as(job.prettify()).isEqualTo("VALIDATED");
        assertThat(job.getInt("counts.rows")).isEqualTo(3);
        assertThat(job.getInt("counts.valid")).isEqualTo(2);
        assertThat(job.getInt("counts.invalid")).isEqualTo(1);
        String id = job.getString("id");
        JsonPath problems = Api.as("jiandu").get("/api/v1/imports/{id}/problems", id).then().statusCode(200).extract().jsonPath();
        assertThat(problems.getList("items.row", Integer.class)).containsOnly(3);
        assertThat(problems.getList("items.column", String.class)).containsExactlyInAnyOrder("任务类别", "办理期限");
        assertThat(problems.getList("items.value", String.class)).containsExactlyInAnyOrder("不存在的类别", "2026-13-45");
        assertThat(problems.getList("items.sheet", String.class)).containsOnly("任务");
        // The dry run wrote nothing.
        Api.as("jiandu").queryParam("q", tag).get("/api/v1/tasks").then().statusCode(200).body("items.size()", equalTo(0));

        Api.as("jiandu").body(Map.of("validRowsOnly", false)).post("/api/v1/imports/{id}/commit", id)
                .then().statusCode(409).body("code", equalTo("import.has-problems"));
        JsonPath done = commit("jiandu", id, true);
        assertThat(done.getString("status")).isEqualTo("COMMITTED");
        assertThat(done.getInt("counts.created")).isEqualTo(2);
        assertThat(done.getInt("counts.rejected")).isEqualTo(1);

        JsonPath records = Api.as("jiandu").get("/api/v1/imports/{id}/records", id).then().statusCode(200).extract().jsonPath();
        assertThat(records.getList("items.outcome", String.class)).containsExactly("CREATED", "CREATED");
        assertThat(records.getList("items.row", Integer.class)).containsExactly(2, 4);
        String third = records.getString("items[1].recordId");
        JsonPath task = Api.as("jiandu").get("/api/v1/tasks/{id}", third).then().statusCode(200).extract().jsonPath();
        assertThat(task.getString("task.status")).isEqualTo("ISSUED");
        assertThat(task.getString("task.deadline")).isEqualTo("2031-04-05");
        assertThat(task.getList("assignments.unit.code", String.class)).containsExactlyInAnyOrder("SJ-YDXX", "SJ-CGZX");
        // Journaled as the importer, through the import client, with the import's id.
        JsonPath timeline = Api.as("jiandu").get("/api/v1/tasks/{id}/timeline", third).then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("items.action", String.class)).contains("task.created", "task.issued", "assignment.created");
        assertThat(timeline.getList("items.client", String.class)).containsOnly("IMPORT");
        assertThat(timeline.getList("items.requestId", String.class)).containsOnly("import:" + id);
        assertThat(timeline.getList("items.actorName", String.class)).doesNotContain("system");

        // The same file again, "update": nothing changes; "stop": the existing records are the problems.
        JsonPath again = dryRun("jiandu", "tasks", "督办任务.xlsx", file, Map.of("conflict", "UPDATE"));
        JsonPath second = commit("jiandu", again.getString("id"), true);
        assertThat(second.getInt("counts.unchanged")).isEqualTo(2);
        assertThat(second.getInt("counts.created")).isZero();
        assertThat(second.getInt("counts.updated")).isZero();
        JsonPath stop = dryRun("jiandu", "tasks", "督办任务.xlsx", file, Map.of("conflict", "STOP"));
        assertThat(stop.getInt("counts.valid")).isZero();
        JsonPath stopped = Api.as("jiandu").get("/api/v1/imports/{id}/problems", stop.getString("id")).then().extract().jsonPath();
        assertThat(stopped.getList("items.code", String.class)).contains("import.exists");
        JsonPath skip = dryRun("jiandu", "tasks", "督办任务.xlsx", file, Map.of("conflict", "SKIP"));
        JsonPath skipped = commit("jiandu", skip.getString("id"), true);
        assertThat(skipped.getInt("counts.skipped")).isEqualTo(2);
        assertThat(skipped.getInt("counts.created")).isZero();
    }

    @Test
    void datesAsPeopleTypeThemAndHeadersInAnyOrderFromAGb18030Csv() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.of(2031, 4, 5);
        long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), day);
        String[] typed = {"2031-04-05", "2031/4/5", "2031.4.5", "2031年4月5日", String.valueOf(serial), "２０３１－０４－０５"};
        StringBuilder csv = new StringBuilder("牵头单位,截止日期,标题,类别\r\n");
        for (int i = 0; i < typed.length; i++) {
            csv.append("体育运动学校,").append(typed[i]).append(",日期").append(i).append('-').append(tag).append(",学习\r\n");
        }
        csv.append("\r\n");
        byte[] gb = csv.toString().getBytes(Charset.forName("GB18030"));
        JsonPath job = dryRun("jiandu", "tasks", "日期.csv", gb, Map.of());
        assertThat(job.getString("encoding")).as(job.prettify()).isEqualTo("GB18030");
        assertThat(job.getInt("problemCount")).as(job.prettify()).isZero();
        assertThat(job.getList("headers.key", String.class)).containsExactly("leadUnits", "deadline", "title", "category");
        assertThat(commit("jiandu", job.getString("id"), false).getInt("counts.created")).isEqualTo(typed.length);
        JsonPath list = Api.as("jiandu").queryParam("q", tag).queryParam("limit", 50).get("/api/v1/tasks").then().extract().jsonPath();
        assertThat(list.getList("items.deadline", String.class)).hasSize(typed.length).containsOnly("2031-04-05");
        assertThat(list.getList("items.category", String.class)).containsOnly("STUDY");
    }

    @Test
    void aUtf8CsvWithBomAndTheOfficersScopePerRow() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String body = "风险名称,风险类别,责任单位,管控措施\r\n"
                + "场馆风险" + tag + ",廉政,体育场馆管理中心,\"每月检查一次\n年底复盘\"\r\n"
                + "学校风险" + tag + ",廉政,体育运动学校,\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(text, 0, file, 3, text.length);
        JsonPath job = dryRun("cg_officer", "risks", "风险.csv", file, Map.of());
        assertThat(job.getString("encoding")).as(job.prettify()).isEqualTo("UTF_8");
        assertThat(job.getInt("counts.valid")).isEqualTo(1);
        JsonPath problems = Api.as("cg_officer").get("/api/v1/imports/{id}/problems", job.getString("id")).then().extract().jsonPath();
        assertThat(problems.getInt("items[0].row")).isEqualTo(3);
        assertThat(problems.getString("items[0].column")).isEqualTo("责任单位");
        assertThat(problems.getString("items[0].message")).contains("管辖范围");
        JsonPath done = commit("cg_officer", job.getString("id"), true);
        assertThat(done.getInt("counts.created")).isEqualTo(1);
        String risk = Api.as("cg_officer").get("/api/v1/imports/{id}/records", job.getString("id")).then().extract().path("items[0].recordId");
        JsonPath detail = Api.as("cg_officer").get("/api/v1/risks/{id}", risk).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("risk.unit.id")).isEqualTo(DemoUnits.VENUES.toString());
        assertThat(detail.getList("measures.content", String.class)).containsExactly("每月检查一次", "年底复盘");
        // Tasks are the supervisors' to create: an officer cannot import them at all.
        Workbooks.upload("cg_officer", "tasks", "t.csv", "标题\r\nx\r\n".getBytes(StandardCharsets.UTF_8), Map.of())
                .then().statusCode(403).body("code", equalTo("import.not-permitted"));
        // Someone else's import is not theirs to see.
        Api.as("xx_officer").get("/api/v1/imports/{id}", job.getString("id")).then().statusCode(404);
    }
}
