package cn.qingfeng.bulk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks as a person would fill them, and the import API's round trips, for the import tests. */
public final class Workbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    /** Sheets by name, each a list of rows (header first); a LocalDate becomes a date cell, a Number a numeric cell. */
    @SafeVarargs
    public static byte[] xlsx(Map.Entry<String, List<List<Object>>>... sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            for (Map.Entry<String, List<List<Object>>> s : sheets) {
                Sheet sheet = book.createSheet(s.getKey());
                int r = 0;
                for (List<Object> values : s.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof Formula f) {
                            cell.setCellFormula(f.text());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A formula cell (stored with no cached value unless the workbook is evaluated). */
    public record Formula(String text) {
    }

    public static Map.Entry<String, List<List<Object>>> sheet(String name, List<List<Object>> rows) {
        return Map.entry(name, rows);
    }

    /** Uploads a file; answers the accepted job. */
    public static Response upload(String user, String ledger, String fileName, byte[] content, Map<String, String> fields) {
        var spec = given().auth().oauth2(Tokens.user(user)).accept("application/json")
                .multiPart("file", fileName, content, fileName.endsWith(".csv") ? "text/csv" : XLSX)
                .multiPart("ledger", ledger);
        for (var f : new LinkedHashMap<>(fields).entrySet()) {
            spec = spec.multiPart(f.getKey(), f.getValue());
        }
        return spec.post("/api/v1/imports");
    }

    /** Waits until the job leaves its queue (a condition, bounded so that a hang fails). */
    public static JsonPath settled(String user, String jobId) {
        Instant give = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonPath job = given().auth().oauth2(Tokens.user(user)).accept("application/json")
                    .get("/api/v1/imports/{id}", jobId).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (!status.equals("VALIDATING") && !status.equals("COMMITTING")) {
                return job;
            }
            assertThat(Instant.now()).as("import %s still %s", jobId, status).isBefore(give);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Uploads, waits for the dry run, answers the validated job. */
    public static JsonPath dryRun(String user, String ledger, String fileName, byte[] content, Map<String, String> fields) {
        String id = upload(user, ledger, fileName, content, fields).then().statusCode(202).extract().path("id");
        return settled(user, id);
    }

    public static JsonPath commit(String user, String jobId, boolean validRowsOnly) {
        given().auth().oauth2(Tokens.user(user)).contentType("application/json").accept("application/json")
                .body(Map.of("validRowsOnly", validRowsOnly)).post("/api/v1/imports/{id}/commit", jobId)
                .then().statusCode(202);
        return settled(user, jobId);
    }
}
