package cn.qingfeng.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.AppProcess;
import cn.qingfeng.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo organisation's report, on a database of its own that holds nothing but the demo (the
 * in-JVM tests add records of their own): it states the seed report's counted facts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReportIT {

    private static final int PORT = 8099;
    private static final String DB = AppProcess.DB.replaceAll("/[^/?]+(\\?.*)?$", "/qingfeng_cluster$1");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private Process app;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("qingfeng-demo-report-it");
        app = AppProcess.start(DB, PORT, dir.resolve("app.log"),
                List.of("-Dquarkus.flyway.clean-at-start=true", "-Dquarkus.flyway.clean-disabled=false"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    private static RequestSpecification as(String user) {
        return given().port(PORT).auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @SuppressWarnings("unchecked")
    private static String text(Response report, String key) {
        List<Map<String, Object>> sections = report.path("sections");
        return sections.stream().filter(s -> key.equals(s.get("key"))).map(s -> (String) s.get("text")).findFirst().orElseThrow();
    }

    @Test
    void theDemoReportStatesTheSeedsCountedFacts() throws Exception {
        // The demo story is told over the last 120 days (the first problems were found then).
        Response r = as("jiandu").body(Map.of("from", TODAY.minusDays(150).toString(), "to", TODAY.toString())).post("/api/v1/reports");
        r.then().statusCode(201);
        assertThat(r.<String>path("title")).endsWith("全面从严治党工作开展情况报告");
        assertThat(text(r, "work.study")).contains("通过各种形式开展党风廉政主题学习共计9次", "党风廉政工作部署共1次", "纪检干部参加专题培训1次");
        assertThat(text(r, "work.duty")).contains("签订党风廉政建设责任书2次", "组织开展廉政谈话3次");
        assertThat(text(r, "work.rules")).contains("开展节点纪律检查2次");
        // 二: the seed's three problems, grouped as it groups them, with their sub-points.
        List<String> problems = r.path("sections.findAll { it.part == 'PROBLEMS' }.heading");
        assertThat(problems).containsExactly("（一）理论学习方面存在的问题。", "（二）阵地建设方面存在的问题。", "（三）保密工作方面存在的问题。");
        assertThat(text(r, "problems.STUDY")).startsWith("一是").contains("二是", "读读念念");
        assertThat(text(r, "problems.SECRECY")).doesNotStartWith("一是").contains("涉密文件");
        // 三: the risks with their measures; the demo's late report is told, "杜绝迟报、漏报" is not claimed.
        assertThat(text(r, "risks.SECRECY")).contains("违规使用图文小程序", "重大风险");
        assertThat(text(r, "risks.IDEOLOGY")).contains("意识形态");
        assertThat(text(r, "risks.reviews")).contains("迟报1次").doesNotContain("杜绝迟报、漏报");

        byte[] docx = as("jiandu").get("/api/v1/reports/{id}/docx", r.<String>path("id")).then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("一、工作开展情况", "党风廉政主题学习共计9次", "二、存在的问题", "（三）保密工作方面存在的问题。",
                    "三、防范化解风险的措施");
        }
    }
}
