package cn.qingfeng.bulk.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.support.Api;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Exported files as tests read them back: fetched over HTTP, opened with POI or commons-csv. */
final class ExportFiles {

    private ExportFiles() {
    }

    /** The answer of an export (200, an attachment) for these query parameters. */
    static Response fetch(String user, String path, Map<String, ?> query) {
        Response r = Api.as(user).queryParams(query).get(path);
        r.then().statusCode(200);
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"").contains("filename*=UTF-8''");
        return r;
    }

    static XSSFWorkbook xlsx(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet's data rows by header, as text (dates as yyyy-MM-dd, whole numbers without ".0"). */
    static List<Map<String, String>> rows(Sheet sheet) {
        DataFormatter plain = new DataFormatter();
        Row head = sheet.getRow(0);
        List<String> headers = new ArrayList<>();
        head.forEach(c -> headers.add(c.getStringCellValue()));
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                Cell c = row == null ? null : row.getCell(i);
                String v = "";
                if (c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
                    v = c.getLocalDateTimeCellValue().toLocalDate().toString();
                } else if (c != null) {
                    v = plain.formatCellValue(c);
                }
                m.put(headers.get(i), v);
            }
            out.add(m);
        }
        return out;
    }

    /** A CSV export's records after checking it is UTF-8 with a BOM and CRLF line ends. */
    static List<Map<String, String>> csv(byte[] bytes) {
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).as("records end in CRLF").endsWith("\r\n");
        try {
            List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
            List<String> headers = records.get(0).toList();
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : records.subList(1, records.size())) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    m.put(headers.get(i), rec.get(i));
                }
                out.add(m);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of the file ends in CRLF (for files whose cells hold no line breaks of their own). */
    static void crlfOnly(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        assertThat(text.replace("\r\n", "")).as("no line end without CR").doesNotContain("\n").doesNotContain("\r");
    }

    /** Every item of a list, following its cursors. */
    static List<Map<String, Object>> listAll(String user, String path, Map<String, ?> query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var req = Api.as(user).queryParams(query).queryParam("limit", 200);
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response r = req.get(path);
            r.then().statusCode(200);
            all.addAll(r.path("items"));
            cursor = r.path("nextCursor");
        } while (cursor != null);
        return all;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
