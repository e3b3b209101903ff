package cn.qingfeng.bulk.export;

import static cn.qingfeng.bulk.export.ExportFiles.csv;
import static cn.qingfeng.bulk.export.ExportFiles.fetch;
import static cn.qingfeng.bulk.export.ExportFiles.listAll;
import static cn.qingfeng.bulk.export.ExportFiles.rows;
import static cn.qingfeng.bulk.export.ExportFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The exports over HTTP with real tokens: each file holds exactly its list's rows (same filters,
 * scope and order), with Chinese headers and values; CSV is UTF-8 with a BOM and CRLF; text that
 * looks like a formula is neutralised; every export is journaled with its row count.
 */
@QuarkusTest
class ExportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String VENUES = "体育场馆管理中心";
    private static final String SCHOOL = "体育运动学校";

    private static String marker() {
        return "导出" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a task as the supervisor and issues it to the units (none: it stays a draft); answers its id. */
    static String task(String title, LocalDate deadline, Map<UUID, String> units) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "category", "STUDY", "priority", "HIGH",
                "basis", "市体发〔2026〕1号", "deadline", deadline.toString()));
        Response created = Api.as("jiandu").body(body).post("/api/v1/tasks");
        created.then().statusCode(201);
        String id = created.path("task.id");
        if (!units.isEmpty()) {
            List<Map<String, String>> plan = units.entrySet().stream()
                    .map(e -> Map.of("unitId", e.getKey().toString(), "role", e.getValue())).toList();
            Api.as("jiandu").header("If-Match", created.header("ETag")).body(Map.of("units", plan))
                    .post("/api/v1/tasks/{id}/issue", id).then().statusCode(200);
        }
        return id;
    }

    /** The venues centre leads, the sports school co-operates. */
    static Map<UUID, String> twoUnits() {
        Map<UUID, String> two = new java.util.LinkedHashMap<>();
        two.put(DemoUnits.VENUES, "LEAD");
        two.put(DemoUnits.SCHOOL, "COOPERATING");
        return two;
    }

    private static List<String> codes(List<Map<String, Object>> items, String path) {
        return items.stream().map(i -> {
            Object v = i;
            for (String part : path.split("\\.")) {
                v = ((Map<?, ?>) v).get(part);
            }
            return (String) v;
        }).toList();
    }

    private static List<String> column(List<Map<String, String>> rows, String header) {
        return rows.stream().map(r -> r.get(header)).toList();
    }

    private static List<String> headers(LedgerSchemas.LedgerSchema schema) {
        return schema.main().columns().stream().map(Column::header).toList();
    }

    @Test
    void theTaskExportHoldsTheListsRowsInItsOrderInBothFormats() {
        String m = marker();
        task("第三 " + m, TODAY.plusDays(30), Map.of(DemoUnits.VENUES, "LEAD"));
        task("第一 " + m, TODAY.plusDays(10), twoUnits());
        task("第二 " + m, TODAY.plusDays(20), Map.of());
        Map<String, String> query = Map.of("q", m, "sort", "deadline");
        List<String> listed = codes(listAll("jiandu", "/api/v1/tasks", query), "code");
        assertThat(listed).hasSize(3);

        Response x = fetch("jiandu", "/api/v1/tasks/export", query);
        assertThat(x.contentType()).startsWith(ExportFormat.XLSX_TYPE);
        assertThat(x.header("Content-Length")).isEqualTo(String.valueOf(x.asByteArray().length));
        assertThat(x.header("Content-Disposition")).matches("attachment; filename=\"tasks-\\d{8}\\.xlsx\"; "
                + "filename\\*=UTF-8''%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6-\\d{8}\\.xlsx");
        try (XSSFWorkbook wb = xlsx(x.asByteArray())) {
            Sheet sheet = wb.getSheet("任务");
            List<Map<String, String>> rows = rows(sheet);
            assertThat(rows.get(0).keySet()).containsExactlyElementsOf(headers(LedgerSchemas.TASKS));
            assertThat(column(rows, "任务编号")).containsExactlyElementsOf(listed);
            Map<String, String> first = rows.get(0);
            assertThat(first).containsEntry("任务标题", "第一 " + m).containsEntry("任务类别", "理论学习")
                    .containsEntry("优先级", "高").containsEntry("办理期限", TODAY.plusDays(10).toString())
                    .containsEntry("牵头单位", VENUES).containsEntry("配合单位", SCHOOL).containsEntry("状态", "已下发")
                    .containsEntry("任务依据", "市体发〔2026〕1号").containsEntry("下发单位", "机关党委（人事处）");
            assertThat(rows.get(1)).containsEntry("状态", "草稿").containsEntry("牵头单位", "");
            Cell deadline = sheet.getRow(1).getCell(headers(LedgerSchemas.TASKS).indexOf("办理期限"));
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(deadline.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(wb.getSheetName(1)).isEqualTo(XlsxSheetWriter.INFO_SHEET);
            assertThat(wb.isSheetHidden(1)).isTrue();
            Map<String, String> info = new HashMap<>();
            wb.getSheetAt(1).forEach(r -> info.put(r.getCell(0).getStringCellValue(), new org.apache.poi.ss.usermodel.DataFormatter()
                    .formatCellValue(r.getCell(1))));
            assertThat(info).containsEntry("导出人", "李明").containsEntry("所在单位", "机关党委（人事处）")
                    .containsEntry("行数", "3").containsEntry("排序", "deadline").containsEntry("筛选条件", "关键词：" + m);
            assertThat(sheet.getHeader().getRight()).contains("李明").contains("机关党委（人事处）");
            assertThat(sheet.getFooter().getLeft()).contains("导出时间：" + TODAY.toString().substring(0, 4));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        Response c = fetch("jiandu", "/api/v1/tasks/export", Map.of("q", m, "sort", "deadline", "format", "csv"));
        assertThat(c.contentType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(c.header("Content-Disposition")).contains("filename=\"tasks-").contains(".csv");
        ExportFiles.crlfOnly(c.asByteArray());
        List<Map<String, String>> records = csv(c.asByteArray());
        assertThat(records).hasSize(3);
        assertThat(records.get(0).keySet()).containsExactlyElementsOf(headers(LedgerSchemas.TASKS));
        assertThat(column(records, "任务编号")).containsExactlyElementsOf(listed);
        assertThat(records.get(0)).containsEntry("办理期限", TODAY.plusDays(10).toString()).containsEntry("配合单位", SCHOOL);
    }

    @Test
    void textThatLooksLikeAFormulaIsNeutralisedInBothFormats() throws Exception {
        String id = task("=1+2", TODAY.plusDays(5), Map.of());
        Api.as("jiandu").header("If-Match", Api.as("jiandu").get("/api/v1/tasks/{id}", id).header("ETag"))
                .body(Map.of("description", "-2+3", "basis", "@SUM(A1)")).patch("/api/v1/tasks/{id}", id).then().statusCode(200);
        String code = Api.as("jiandu").get("/api/v1/tasks/{id}", id).path("task.code");
        Map<String, String> query = Map.of("q", code);

        try (XSSFWorkbook wb = xlsx(fetch("jiandu", "/api/v1/tasks/export", query).asByteArray())) {
            Sheet sheet = wb.getSheet("任务");
            for (Row r : sheet) {
                for (Cell cell : r) {
                    assertThat(cell.getCellType()).as("no formula anywhere").isNotEqualTo(CellType.FORMULA);
                }
            }
            List<String> headers = headers(LedgerSchemas.TASKS);
            for (String[] expected : new String[][]{{"任务标题", "=1+2"}, {"任务内容", "-2+3"}, {"任务依据", "@SUM(A1)"}}) {
                Cell cell = sheet.getRow(1).getCell(headers.indexOf(expected[0]));
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(expected[1]);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(expected[0] + " quote-prefixed").isTrue();
            }
            assertThat(sheet.getRow(1).getCell(headers.indexOf("任务编号")).getCellStyle().getQuotePrefixed()).isFalse();
        }

        Map<String, String> row = csv(fetch("jiandu", "/api/v1/tasks/export", Map.of("q", code, "format", "csv")).asByteArray()).get(0);
        assertThat(row).containsEntry("任务标题", "'=1+2").containsEntry("任务内容", "'-2+3")
                .containsEntry("任务依据", "'@SUM(A1)").containsEntry("任务编号", code);
    }

    @Test
    void everyListExportsExactlyItsOwnRows() throws Exception {
        String m = marker();
        String taskId = task("承办导出 " + m, TODAY.plusDays(12), twoUnits());

        // Assignments of one task, by deadline: the two units.
        List<Map<String, Object>> assignments = listAll("jiandu", "/api/v1/assignments", Map.of("taskId", taskId));
        assertThat(assignments).hasSize(2);
        try (XSSFWorkbook wb = xlsx(fetch("jiandu", "/api/v1/assignments/export", Map.of("taskId", taskId)).asByteArray())) {
            List<Map<String, String>> rows = rows(wb.getSheet("承办事项"));
            assertThat(column(rows, "承办单位")).containsExactlyElementsOf(
                    assignments.stream().map(a -> (String) ((Map<?, ?>) a.get("unit")).get("name")).toList());
            assertThat(rows.get(0)).containsEntry("任务标题", "承办导出 " + m).containsEntry("状态", "待签收")
                    .containsEntry("办理期限", TODAY.plusDays(12).toString()).containsEntry("预警", "绿");
            assertThat(column(rows, "承办方式")).containsExactlyInAnyOrder("牵头", "配合");
        }

        // Rectification items, with their measures one per line.
        for (int i = 0; i < 2; i++) {
            Map<String, Object> problem = new HashMap<>(Map.of("title", "问题" + i + " " + m, "source", "SELF_CHECK",
                    "category", "STUDY", "severity", "MINOR", "foundOn", TODAY.toString(), "unitId", DemoUnits.VENUES.toString(),
                    "kind", "TIME_LIMITED", "deadline", TODAY.plusDays(40).toString(),
                    "measures", List.of(Map.of("content", "措施甲"), Map.of("content", "措施乙"))));
            Api.as("jiandu").body(problem).post("/api/v1/rectifications").then().statusCode(201);
        }
        List<String> items = codes(listAll("jiandu", "/api/v1/rectifications", Map.of("q", m)), "code");
        try (XSSFWorkbook wb = xlsx(fetch("jiandu", "/api/v1/rectifications/export", Map.of("q", m)).asByteArray())) {
            List<Map<String, String>> rows = rows(wb.getSheet("整改事项"));
            assertThat(rows.get(0).keySet()).containsExactlyElementsOf(headers(LedgerSchemas.RECTIFICATIONS));
            assertThat(column(rows, "整改编号")).containsExactlyElementsOf(items).hasSize(2);
            assertThat(rows.get(0)).containsEntry("整改措施", "措施甲\n措施乙").containsEntry("问题来源", "自查")
                    .containsEntry("责任单位", VENUES).containsEntry("整改类型", "限期整改").containsEntry("状态", "待整改");
        }

        // Risks, graded, and the review obligation grading opens.
        Map<String, Object> riskBody = new HashMap<>(Map.of("name", "风险 " + m, "category", "SECRECY", "unitId",
                DemoUnits.VENUES.toString(), "measures", List.of(Map.of("content", "建立台账"))));
        Response risk = Api.as("jiandu").body(riskBody).post("/api/v1/risks");
        risk.then().statusCode(201);
        String riskId = risk.path("risk.id");
        Api.as("jiandu").header("If-Match", risk.header("ETag")).body(Map.of("likelihood", 3, "impact", 4, "reason", "评级"))
                .post("/api/v1/risks/{id}/grading", riskId).then().statusCode(200);
        List<String> risks = codes(listAll("jiandu", "/api/v1/risks", Map.of("q", m)), "code");
        try (XSSFWorkbook wb = xlsx(fetch("jiandu", "/api/v1/risks/export", Map.of("q", m)).asByteArray())) {
            List<Map<String, String>> rows = rows(wb.getSheet("风险点"));
            assertThat(rows.get(0).keySet()).containsExactlyElementsOf(headers(LedgerSchemas.RISKS));
            assertThat(column(rows, "风险编号")).containsExactlyElementsOf(risks).hasSize(1);
            assertThat(rows.get(0)).containsEntry("可能性", "3").containsEntry("影响程度", "4").containsEntry("风险类别", "保密")
                    .containsEntry("管控措施", "建立台账").containsEntry("研判周期", "");
            assertThat(wb.getSheet("风险点").getRow(1).getCell(headers(LedgerSchemas.RISKS).indexOf("可能性")).getCellType())
                    .isEqualTo(CellType.NUMERIC);
        }
        List<Map<String, Object>> obligations = listAll("jiandu", "/api/v1/risk-obligations", Map.of("riskId", riskId));
        assertThat(obligations).isNotEmpty();
        try (XSSFWorkbook wb = xlsx(fetch("jiandu", "/api/v1/risk-obligations/export", Map.of("riskId", riskId)).asByteArray())) {
            List<Map<String, String>> rows = rows(wb.getSheet("研判与报告义务"));
            assertThat(rows).hasSize(obligations.size());
            assertThat(rows.get(0)).containsEntry("风险编号", risks.get(0)).containsEntry("类型", "定期研判")
                    .containsEntry("责任单位", VENUES).containsEntry("完成情况", "待履行");
        }

        // The journal of the task, as the auditor reads it.
        List<Map<String, Object>> events = listAll("shenji", "/api/v1/events", Map.of("entityId", taskId));
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        byte[] journal = fetch("shenji", "/api/v1/journal/events/export", Map.of("entityId", taskId, "format", "csv")).asByteArray();
        List<Map<String, String>> rows = csv(journal);
        assertThat(rows.get(0).keySet()).containsExactly("时间", "操作人", "客户端", "动作", "对象类型", "对象", "单位", "变更摘要");
        assertThat(rows).hasSize(events.size());
        String taskCode = Api.as("jiandu").get("/api/v1/tasks/{id}", taskId).path("task.code");
        assertThat(column(rows, "对象")).allSatisfy(o -> assertThat(o).isEqualTo(taskCode + " 承办导出 " + m));
        assertThat(column(rows, "动作")).contains("新建任务", "下发任务");
        assertThat(column(rows, "操作人")).containsOnly("李明");
        // People by name, not by their subject.
        List<Map<String, String>> users = csv(fetch("shenji", "/api/v1/journal/events/export",
                Map.of("entityType", "user", "format", "csv")).asByteArray());
        assertThat(column(users, "对象")).contains("李明");
        assertThat(column(users, "对象类型")).containsOnly("用户");
        assertThat(String.join("\n", column(rows, "变更摘要"))).contains("标题：承办导出 " + m)
                .contains("状态：草稿 → 已下发").contains("类别：理论学习").doesNotContain("DRAFT");
    }

    @Test
    void aUnitOfficerExportsOnlyWhatTheirScopeShows() {
        String m = marker();
        String shared = task("共办 " + m, TODAY.plusDays(8), twoUnits());
        task("学校独办 " + m, TODAY.plusDays(9), Map.of(DemoUnits.SCHOOL, "LEAD"));
        List<String> listed = codes(listAll("cg_officer", "/api/v1/tasks", Map.of("q", m)), "code");
        assertThat(listed).hasSize(1);
        List<Map<String, String>> rows = csv(fetch("cg_officer", "/api/v1/tasks/export", Map.of("q", m, "format", "csv")).asByteArray());
        assertThat(column(rows, "任务编号")).containsExactlyElementsOf(listed);
        // The other unit's part of the shared task is not the officer's to see.
        assertThat(rows.get(0)).containsEntry("牵头单位", VENUES).containsEntry("配合单位", "");
        assertThat(csv(fetch("cg_officer", "/api/v1/assignments/export", Map.of("taskId", shared, "format", "csv")).asByteArray()))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("承办单位", VENUES));
        // Another unit's filter answers nothing, as the list does.
        assertThat(csv(fetch("cg_officer", "/api/v1/tasks/export", Map.of("unitId", DemoUnits.SCHOOL.toString(), "format", "csv"))
                .asByteArray())).isEmpty();
    }

    @Test
    void everyExportIsJournaledWithItsFiltersAndRowCount() {
        String m = marker();
        task("留痕 " + m, TODAY.plusDays(3), Map.of());
        task("留痕二 " + m, TODAY.plusDays(4), Map.of());
        fetch("jiandu", "/api/v1/tasks/export", Map.of("q", m, "format", "csv"));
        List<Map<String, Object>> events = Api.as("shenji").queryParam("action", Exporter.ACTION).queryParam("limit", 200)
                .get("/api/v1/events").then().statusCode(200).extract().path("items");
        Map<String, Object> mine = events.stream().filter(e -> m.equals(after(e, "filters") instanceof Map<?, ?> f ? f.get("q") : null))
                .findFirst().orElseThrow();
        assertThat(mine).containsEntry("entityType", Exporter.ENTITY).containsEntry("actorName", "李明")
                .containsEntry("unitId", cn.qingfeng.demo.DemoOrganisation.idOf("SJ-JGDW").toString());
        assertThat(after(mine, "ledger")).isEqualTo("tasks");
        assertThat(after(mine, "format")).isEqualTo("csv");
        assertThat(after(mine, "rows")).isEqualTo(2);
        assertThat((String) after(mine, "fileName")).matches("任务台账-\\d{8}\\.csv");
    }

    private static Object after(Map<String, Object> event, String field) {
        Object change = ((Map<?, ?>) event.get("changes")).get(field);
        return change == null ? null : ((Map<?, ?>) change).get("after");
    }

    @Test
    void theJournalExportIsTheAuditorsAndTheAdminsOnly() {
        for (String user : List.of("jiandu", "lingdao", "cg_officer")) {
            Api.as(user).get("/api/v1/journal/events/export").then().statusCode(403)
                    .contentType(startsWith("application/problem+json")).body("code", equalTo("forbidden"));
        }
        Api.as("admin").queryParam("action", "unit.").get("/api/v1/journal/events/export").then().statusCode(200);
    }

    @Test
    void aFormatOrSortTheExportDoesNotKnowIsABadRequest() {
        Api.as("jiandu").queryParam("format", "pdf").get("/api/v1/tasks/export").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("format"));
        Api.as("jiandu").queryParam("sort", "nope").get("/api/v1/risks/export").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("sort"));
        Api.as("jiandu").queryParam("warning", "ON_TIME").get("/api/v1/tasks/export").then().statusCode(400)
                .body("violations[0].field", equalTo("warning"));
    }
}
