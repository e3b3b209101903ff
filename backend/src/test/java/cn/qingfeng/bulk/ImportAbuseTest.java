package cn.qingfeng.bulk;

import static cn.qingfeng.bulk.Workbooks.commit;
import static cn.qingfeng.bulk.Workbooks.dryRun;
import static cn.qingfeng.bulk.Workbooks.sheet;
import static cn.qingfeng.bulk.Workbooks.upload;
import static cn.qingfeng.bulk.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.qingfeng.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Files that are not what they claim, or are built to hurt: each is a clear problem, never a 500, and writes nothing. */
@QuarkusTest
class ImportAbuseTest {

    private static final String PROBLEM = "application/problem+json";

    private static byte[] oneTask(String title) {
        return xlsx(sheet("任务", List.of(List.of("任务标题", "任务类别"), List.of(title, "理论学习"))));
    }

    /** The workbook with one of its parts rewritten. */
    private static byte[] rewrite(byte[] xlsx, String entry, java.util.function.UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(entry) ? change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void filesThatAreNotTablesAreRefusedAtUpload() {
        byte[] xls = new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0};
        upload("jiandu", "tasks", "旧表.xls", xls, Map.of()).then().statusCode(422).contentType(startsWith(PROBLEM))
                .body("code", equalTo("import.xls-unsupported"));
        byte[] binary = new byte[]{1, 2, 0, 0, 5, 6, 0, 7};
        upload("jiandu", "tasks", "照片.csv", binary, Map.of()).then().statusCode(422).body("code", equalTo("import.not-a-table"));
        upload("jiandu", "tasks", "空.csv", new byte[0], Map.of()).then().statusCode(400).contentType(startsWith(PROBLEM));
        byte[] broken = new byte[]{'P', 'K', 3, 4, 9, 9, 9, 9, 9, 9};
        upload("jiandu", "tasks", "坏.xlsx", broken, Map.of()).then().statusCode(422).contentType(startsWith(PROBLEM));
        upload("jiandu", "nope", "t.csv", "标题\r\nx\r\n".getBytes(StandardCharsets.UTF_8), Map.of()).then().statusCode(400);
    }

    @Test
    void suspiciousContainersAreRefusedBeforeAnythingParsesThem() throws IOException {
        byte[] dtd = rewrite(oneTask("实体"), "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("\\?>",
                "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"));
        upload("jiandu", "tasks", "实体.xlsx", dtd, Map.of()).then().statusCode(422).body("code", equalTo("attachment.archive-xml-dtd"));

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(new byte[16 * 1024 * 1024]);
            zip.closeEntry();
        }
        upload("jiandu", "tasks", "炸弹.xlsx", bomb.toByteArray(), Map.of()).then().statusCode(422).body("code", equalTo("attachment.archive-ratio"));

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 1001; i++) {
                zip.putNextEntry(new ZipEntry("x/" + i + ".xml"));
                zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        upload("jiandu", "tasks", "多.xlsx", many.toByteArray(), Map.of()).then().statusCode(422)
                .body("code", equalTo("attachment.archive-too-many-entries"));
    }

    @Test
    void formulaCellsGiveTheirCachedValuesAndAreNeverEvaluated() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("任务");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("任务标题");
            header.createCell(1).setCellValue("任务类别");
            Row row = sheet.createRow(1);
            Cell title = row.createCell(0);
            // A formula whose evaluation would reach outside; its cached result is what a person saw in Excel.
            title.setCellFormula("WEBSERVICE(\"http://127.0.0.1:9/x\")");
            title.setCellValue("缓存标题" + tag);
            row.createCell(1).setCellValue("理论学习");
            book.write(out);
            file = out.toByteArray();
        }
        JsonPath job = dryRun("jiandu", "tasks", "公式.xlsx", file, Map.of());
        assertThat(job.getInt("problemCount")).as(job.prettify()).isZero();
        commit("jiandu", job.getString("id"), false);
        Api.as("jiandu").queryParam("q", tag).get("/api/v1/tasks").then().statusCode(200)
                .body("items[0].title", equalTo("缓存标题" + tag));
    }

    @Test
    void aCsvWithAnUnclosedQuoteIsReportedNotTaken() {
        byte[] csv = "任务标题,任务类别\r\n\"未闭合,理论学习\r\n".getBytes(StandardCharsets.UTF_8);
        JsonPath job = dryRun("jiandu", "tasks", "坏.csv", csv, Map.of());
        // The quote runs to the end of the file: one cell holding the rest, so the row misses its category.
        assertThat(job.getString("status")).isEqualTo("VALIDATED");
        assertThat(job.getInt("counts.valid")).isZero();
        JsonPath problems = Api.as("jiandu").get("/api/v1/imports/{id}/problems", job.getString("id")).then().extract().jsonPath();
        assertThat(problems.getList("items.column", String.class)).containsExactly("任务类别");
    }
}
