package cn.qingfeng.bulk;

import static cn.qingfeng.bulk.Workbooks.commit;
import static cn.qingfeng.bulk.Workbooks.dryRun;
import static cn.qingfeng.bulk.Workbooks.settled;
import static cn.qingfeng.bulk.Workbooks.sheet;
import static cn.qingfeng.bulk.Workbooks.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.bulk.job.ImportRunner;
import cn.qingfeng.support.Api;
import cn.qingfeng.support.Db;
import cn.qingfeng.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The job around the rows: mapping adjusted and saved, the report as a workbook, cancel, and imports side by side. */
@QuarkusTest
class ImportJobTest {

    @Inject
    ImportRunner runner;

    private static byte[] tasks(String tag, int n, String titleHeader) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(titleHeader, "任务类别", "外部编号"));
        for (int i = 1; i <= n; i++) {
            rows.add(List.of("批量任务" + i + "-" + tag, i == 2 && n < 5 ? "没有这类" : "专题培训", "PL-" + tag + "-" + i));
        }
        return xlsx(sheet("任务", rows));
    }

    private static int tasksTagged(String tag) throws Exception {
        try (Connection c = Db.asOwner(); PreparedStatement s = c.prepareStatement("select count(*) from task where external_ref like ?")) {
            s.setString(1, "PL-" + tag + "-%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void anUnknownHeaderIsMappedByTheUserSavedAndReused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = tasks(tag, 3, "事项名称");
        JsonPath job = dryRun("jiandu", "tasks", "映射.xlsx", file, Map.of());
        assertThat(job.getString("status")).isEqualTo("VALIDATED");
        assertThat(job.getInt("counts.valid")).isZero();
        JsonPath problems = Api.as("jiandu").get("/api/v1/imports/{id}/problems", job.getString("id")).then().extract().jsonPath();
        assertThat(problems.getList("items.code", String.class)).containsExactly("import.missing-column");
        // A sheet named without its headers is refused, not left for the worker to stumble on.
        Map<String, Object> noHeaders = new java.util.HashMap<>();
        noHeaders.put("任务", null);
        Api.as("jiandu").body(Map.of("mapping", noHeaders)).post("/api/v1/imports/{id}/revalidate", job.getString("id"))
                .then().statusCode(400).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        Map<String, Map<String, String>> mapping = Map.of("任务", Map.of("事项名称", "title"));
        Api.as("jiandu").body(Map.of("mapping", mapping)).post("/api/v1/imports/{id}/revalidate", job.getString("id"))
                .then().statusCode(202);
        JsonPath again = settled("jiandu", job.getString("id"));
        assertThat(again.getInt("counts.valid")).isEqualTo(2);
        assertThat(again.getList("headers.key", String.class)).containsExactly("title", "category", "externalRef");

        String saved = Api.as("jiandu").body(Map.of("ledger", "tasks", "name", "处室台账格式 " + tag, "mapping", mapping))
                .post("/api/v1/import-mappings").then().statusCode(200).extract().path("id");
        JsonPath reused = dryRun("jiandu", "tasks", "映射.xlsx", file, Map.of("mappingId", saved));
        assertThat(reused.getInt("counts.valid")).isEqualTo(2);
        Api.as("cg_officer").delete("/api/v1/import-mappings/{id}", saved).then().statusCode(404);
        Api.as("jiandu").delete("/api/v1/import-mappings/{id}", saved).then().statusCode(204);
    }

    @Test
    void theReportWorkbookShowsTheBadRowsWithTheirProblems() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath job = dryRun("jiandu", "tasks", "报告.xlsx", tasks(tag, 3, "任务标题"), Map.of());
        byte[] report = given().auth().oauth2(Tokens.user("jiandu")).get("/api/v1/imports/{id}/annotated", job.getString("id"))
                .then().statusCode(200).contentType(Workbooks.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            var sheet = book.getSheet("任务");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("原行号");
            assertThat(header.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("问题说明");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row bad = sheet.getRow(1);
            assertThat(bad.getCell(0).getStringCellValue()).isEqualTo("3");
            assertThat(bad.getCell(2).getStringCellValue()).isEqualTo("没有这类");
            assertThat(bad.getCell(bad.getLastCellNum() - 1).getStringCellValue()).startsWith("任务类别：").contains("不是可选值");
        }
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath job = dryRun("jiandu", "tasks", "取消.xlsx", tasks(tag, 40, "任务标题"), Map.of());
        String id = job.getString("id");
        Path hold = Path.of(ConfigProvider.getConfig().getValue("qingfeng.imports.hold-file", String.class));
        Files.writeString(hold, "hold");
        try {
            Api.as("jiandu").body(Map.of("validRowsOnly", false)).post("/api/v1/imports/{id}/commit", id).then().statusCode(202);
            Instant give = Instant.now().plus(Duration.ofSeconds(60));
            while (!Boolean.TRUE.equals(Api.as("jiandu").get("/api/v1/imports/{id}", id).then().extract().path("progress.running"))) {
                assertThat(Instant.now()).as("the commit starts").isBefore(give);
                Thread.sleep(50);
            }
            JsonPath asked = Api.as("jiandu").post("/api/v1/imports/{id}/cancel", id).then().statusCode(200).extract().jsonPath();
            assertThat(asked.getBoolean("progress.cancelRequested")).isTrue();
        } finally {
            Files.deleteIfExists(hold);
        }
        JsonPath done = settled("jiandu", id);
        assertThat(done.getString("status")).isEqualTo("CANCELLED");
        assertThat(tasksTagged(tag)).isZero();
        assertThat(Api.as("jiandu").get("/api/v1/imports/{id}/records", id).then().extract().jsonPath().getList("items")).isEmpty();
        Api.as("jiandu").post("/api/v1/imports/{id}/cancel", id).then().statusCode(409);
    }

    @Test
    void twoImportsOfTheSameFileAtOnceCreateEachRecordOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = tasks(tag, 30, "任务标题");
        String a = dryRun("jiandu", "tasks", "同一文件.xlsx", file, Map.of("conflict", "UPDATE")).getString("id");
        String b = dryRun("jiandu2", "tasks", "同一文件.xlsx", file, Map.of("conflict", "UPDATE")).getString("id");
        Api.as("jiandu").body(Map.of("validRowsOnly", false)).post("/api/v1/imports/{id}/commit", a).then().statusCode(202);
        Api.as("jiandu2").body(Map.of("validRowsOnly", false)).post("/api/v1/imports/{id}/commit", b).then().statusCode(202);
        // More workers than the scheduler's: whichever takes a job, each runs once.
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                while (runner.runOne()) {
                    // drain
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(120, java.util.concurrent.TimeUnit.SECONDS);
        JsonPath first = settled("jiandu", a);
        JsonPath second = settled("jiandu2", b);
        assertThat(first.getString("status")).isEqualTo("COMMITTED");
        assertThat(second.getString("status")).isEqualTo("COMMITTED");
        assertThat(first.getInt("counts.created") + second.getInt("counts.created")).isEqualTo(30);
        assertThat(first.getInt("counts.unchanged") + second.getInt("counts.unchanged")).isEqualTo(30);
        assertThat(tasksTagged(tag)).isEqualTo(30);
    }
}
