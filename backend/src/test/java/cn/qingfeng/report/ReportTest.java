package cn.qingfeng.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.statistics.Drills;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.DemoUnits;
import cn.qingfeng.task.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The report drafted from the ledgers: the seed's facts, traceable figures, edits that survive, Word and PDF. */
@QuarkusTest
class ReportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** The demo story's days (it is told over the last 90 days). */
    private static final Map<String, String> STORY = Map.of("from", TODAY.minusDays(100).toString(), "to", TODAY.toString());

    @Inject
    PdfConverter pdf;

    static Response draft(String user, Map<String, ?> body) {
        Response r = Api.as(user).body(body).post("/api/v1/reports");
        r.then().statusCode(201);
        return r;
    }

    @SuppressWarnings("unchecked")
    static String text(Response report, String section) {
        List<Map<String, Object>> sections = report.path("sections");
        return sections.stream().filter(s -> section.equals(s.get("key"))).map(s -> (String) s.get("text")).findFirst().orElseThrow();
    }

    static String docText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFigureOfTheReportIsTheStatisticsFigureWithItsRecords() {
        Response r = draft("lingdao", STORY);
        Map<String, Long> stats = Drills.values(Drills.figures("lingdao", STORY));
        List<Map<String, Object>> figures = r.path("figures");
        assertThat(figures).hasSizeGreaterThan(20);
        for (Map<String, Object> f : figures) {
            long value = ((Number) f.get("value")).longValue();
            assertThat(value).as((String) f.get("key")).isEqualTo(stats.get((String) f.get("key")));
            List<Map<String, Object>> sources = (List<Map<String, Object>>) f.get("sources");
            assertThat(sources).as("the records of " + f.get("key")).hasSize((int) Math.min(value, 50));
            assertThat((String) f.get("label")).isNotBlank();
        }
        // The figures drill into exactly their records, like the statistics' own.
        Drills.checkAll("lingdao", figures);
        // Each section names the figures it states, and those are the report's.
        List<String> keys = figures.stream().map(f -> (String) f.get("key")).toList();
        List<List<String>> used = r.path("sections.figureKeys");
        used.forEach(k -> assertThat(keys).containsAll(k));
    }

    @Test
    void theWordDocumentHasTheThreePartsAndTheStatisticsNumbers() throws Exception {
        Response r = draft("jiandu", STORY);
        Map<String, Long> stats = Drills.values(Drills.figures("jiandu", STORY));
        byte[] docx = Api.as("jiandu").queryParam("appendix", true).get("/api/v1/reports/{id}/docx", r.<String>path("id"))
                .then().statusCode(200).contentType(startsWith(ReportResource.DOCX))
                .header("Content-Disposition", startsWith("attachment")).extract().asByteArray();
        String text = docText(docx);
        assertThat(text).contains(r.<String>path("title"), "一、工作开展情况", "二、存在的问题", "三、防范化解风险的措施");
        assertThat(text).contains("党风廉政主题学习共计" + stats.get("records.STUDY") + "次",
                "本期下发督办事项" + stats.get("tasks.issued") + "件", "本期查找问题" + stats.get("rect.found") + "个",
                "按期完成风险研判" + stats.get("obligations.REVIEW.MET") + "次");
        assertThat(text.indexOf("一、工作开展情况")).isLessThan(text.indexOf("二、存在的问题"));
        assertThat(text.indexOf("二、存在的问题")).isLessThan(text.indexOf("三、防范化解风险的措施"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            // The layout's fonts are named in the styles (GB/T 9704): title, body; the appendix lists the records.
            ByteArrayOutputStream styles = new ByteArrayOutputStream();
            doc.getStyles().getStyle("QfBody").getCTStyle().save(styles);
            assertThat(styles.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("仿宋_GB2312");
            assertThat(doc.getStyles().getStyle("QfTitle").getCTStyle().toString()).contains("方正小标宋简体");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().get(0).getText()).contains("党风廉政主题学习（次）");
            assertThat(doc.getFooterList()).anySatisfy(f -> assertThat(f._getHdrFtr().toString()).contains("PAGE"));
        }
    }

    @Test
    void theAuthorsEditsSurviveAReloadAndARefreshWhichMarksTheMovedFigures() {
        Response r = draft("jiandu", Map.of("period", TODAY.getYear() + (TODAY.getMonthValue() <= 6 ? "H1" : "H2"), "unitId", DemoUnits.SCHOOL.toString()));
        String id = r.path("id");
        String edited = "本单位坚持每周开展理论学习，作者亲笔修改的段落。";
        Api.as("jiandu").header("If-Match", r.header("ETag"))
                .body(Map.of("sections", List.of(Map.of("key", "work.study", "text", edited)))).patch("/api/v1/reports/{id}", id)
                .then().statusCode(200).body("sections.find { it.key == 'work.study' }.edited", equalTo(true));
        Response reloaded = Api.as("jiandu").get("/api/v1/reports/{id}", id);
        assertThat(text(reloaded, "work.study")).isEqualTo(edited);
        long before = Drills.values(Drills.figures("jiandu", Map.of("period", r.<String>path("period.code"), "unitId", DemoUnits.SCHOOL.toString())))
                .get("records.STUDY");

        // A new study session at the school, then the figures are drafted again.
        String task = Tasks.issued("报告刷新测试学习", TODAY.plusDays(20), Map.of(DemoUnits.SCHOOL, "LEAD"));
        String a = Api.as("xx_officer").get("/api/v1/tasks/{id}", task).then().extract().path("assignments[0].id");
        Tasks.act("xx_officer", a, "accept", null).then().statusCode(200);
        Api.as("xx_officer").body(Map.of("heldOn", TODAY.toString(), "topic", "刷新后的学习", "participantCount", 5))
                .post("/api/v1/assignments/{id}/records", a).then().statusCode(200);
        Response refreshed = Api.as("jiandu").header("If-Match", reloaded.header("ETag")).post("/api/v1/reports/{id}/refresh", id);
        refreshed.then().statusCode(200)
                .body("sections.find { it.key == 'work.study' }.text", equalTo(edited))
                .body("sections.find { it.key == 'work.study' }.edited", equalTo(true))
                .body("figures.find { it.key == 'records.STUDY' }.value", equalTo((int) before + 1))
                .body("figures.find { it.key == 'records.STUDY' }.previousValue", equalTo((int) before))
                .body("figures.find { it.key == 'records.STUDY' }.changed", equalTo(true))
                .body("figures.find { it.key == 'records.DEPLOYMENT' }.changed", equalTo(false));
        assertThat(refreshed.<String>path("sections.find { it.key == 'work.study' }.generated")).contains("共计" + (before + 1) + "次");
        // An untouched section takes the new text; putting the drafted text back ends the edit.
        Api.as("jiandu").header("If-Match", refreshed.header("ETag"))
                .body(Map.of("sections", List.of(java.util.Collections.singletonMap("key", "work.study")))).patch("/api/v1/reports/{id}", id)
                .then().statusCode(200).body("sections.find { it.key == 'work.study' }.edited", equalTo(false))
                .body("sections.find { it.key == 'work.study' }.text", startsWith("截至目前"));
        List<String> reasons = Api.as("jiandu").get("/api/v1/reports/{id}/revisions", id).then().statusCode(200).extract().path("reason");
        assertThat(reasons).containsExactly("EDITED", "REFRESHED", "EDITED", "GENERATED");
        // A stale version is refused and changes nothing.
        Api.as("jiandu").header("If-Match", r.header("ETag")).body(Map.of("title", "过期的修改")).patch("/api/v1/reports/{id}", id)
                .then().statusCode(412).contentType(startsWith("application/problem+json"));
        Api.as("jiandu").header("If-Match", Api.as("jiandu").get("/api/v1/reports/{id}", id).header("ETag"))
                .body(Map.of("sections", List.of(Map.of("key", "no.such.section", "text", "x")))).patch("/api/v1/reports/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("sections[0].key"));
        // Each step is in the journal.
        List<String> actions = Api.as("shenji").queryParam("entityId", id).queryParam("limit", 50).get("/api/v1/events")
                .then().statusCode(200).extract().path("items.action");
        assertThat(actions).contains("report.generated", "report.edited", "report.refreshed");
    }

    @Test
    void aUnitsOfficerGetsTheirUnitsReportAndNoOneElses() {
        Response mine = draft("cg_officer", Map.of());
        mine.then().body("unit.code", equalTo("SJ-CGZX")).body("title", startsWith("体育场馆"));
        Response bureau = draft("jiandu", Map.of());
        bureau.then().body("unit", equalTo(null));
        Api.as("cg_officer").get("/api/v1/reports/{id}", bureau.<String>path("id")).then().statusCode(404);
        Api.as("xx_officer").get("/api/v1/reports/{id}", mine.<String>path("id")).then().statusCode(404);
        Api.as("xx_officer").body(Map.of("unitId", DemoUnits.VENUES.toString())).post("/api/v1/reports").then().statusCode(404);
        List<String> visible = Api.as("cg_officer").queryParam("limit", 200).get("/api/v1/reports").then().statusCode(200).extract().path("items.id");
        assertThat(visible).contains(mine.<String>path("id")).doesNotContain(bureau.<String>path("id"));
        Api.as("cg_viewer").body(Map.of()).post("/api/v1/reports").then().statusCode(403);
    }

    @Test
    void anAdminsTemplateIsUsedUntilReset() throws Exception {
        Api.as("admin").contentType(ReportResource.DOCX).body("not a word file".getBytes()).put("/api/v1/report-template")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("code", equalTo("report.template-invalid"));
        byte[] custom;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("市局专用模板：{{title}}（{{period}}）");
            doc.createParagraph().createRun().setText("{{section:work.study}}");
            doc.createParagraph().createRun().setText("学习次数：{{figure:records.STUDY}}");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            custom = out.toByteArray();
        }
        Api.as("admin").contentType(ReportResource.DOCX).queryParam("fileName", "市局模板.docx").body(custom).put("/api/v1/report-template")
                .then().statusCode(200).body("custom", equalTo(true)).body("fileName", equalTo("市局模板.docx"));
        Response r = draft("jiandu", STORY);
        String text = docText(Api.as("jiandu").get("/api/v1/reports/{id}/docx", r.<String>path("id")).then().statusCode(200).extract().asByteArray());
        long study = ((Number) r.path("figures.find { it.key == 'records.STUDY' }.value")).longValue();
        assertThat(text).contains("市局专用模板：" + r.path("title"), "学习次数：" + study, "党风廉政主题学习共计" + study + "次")
                .doesNotContain("{{", "二、存在的问题");
        Api.as("admin").delete("/api/v1/report-template").then().statusCode(200).body("custom", equalTo(false));
        assertThat(docText(Api.as("jiandu").get("/api/v1/reports/{id}/docx", r.<String>path("id")).then().extract().asByteArray()))
                .contains("二、存在的问题").doesNotContain("市局专用模板");
        List<String> actions = Api.as("shenji").queryParam("entityId", "template").queryParam("limit", 50).get("/api/v1/events")
                .then().statusCode(200).extract().path("items.action");
        assertThat(actions).contains("report.template_replaced", "report.template_reset");
    }

    @Test
    void pdfComesFromLibreOfficeWhereItIsInstalled() {
        String id = draft("jiandu", STORY).path("id");
        Response r = Api.as("jiandu").get("/api/v1/reports/{id}/pdf", id);
        if (pdf.available()) {
            r.then().statusCode(200).contentType(startsWith("application/pdf"));
            assertThat(new String(r.asByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        } else {
            r.then().statusCode(503).contentType(startsWith("application/problem+json")).body("code", equalTo("report.pdf-unavailable"));
        }
    }
}
