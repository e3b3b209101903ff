import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The bulk benchmark's input: N risks as a person's xlsx (the import's input) and the same rows as
 * COPY files for the risk and event tables (the baseline: the database writing the same rows with
 * nothing in between). Run with POI on the class path:
 *   java -cp 'backend/target/quarkus-app/lib/main/*' scripts/bench/BulkFiles.java N TAG OUTDIR UNITS
 * UNITS: "id|name;id|name;..." of the units the rows spread over.
 */
public class BulkFiles {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String tag = args[1];
        Path out = Path.of(args[2]);
        List<String[]> units = java.util.Arrays.stream(args[3].split(";")).map(u -> u.split("\\|", 2)).toList();
        String[] categories = {"廉政", "保密", "作风", "意识形态", "网络舆情", "其他"};
        String[] codes = {"INTEGRITY", "SECRECY", "WORK_STYLE", "IDEOLOGY", "PUBLIC_OPINION", "OTHER"};
        Files.createDirectories(out);
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); OutputStream os = Files.newOutputStream(out.resolve("risks.xlsx"));
             BufferedWriter risk = Files.newBufferedWriter(out.resolve("risk.csv"), StandardCharsets.UTF_8);
             BufferedWriter event = Files.newBufferedWriter(out.resolve("event.csv"), StandardCharsets.UTF_8)) {
            Sheet sheet = book.createSheet("风险点");
            Row h = sheet.createRow(0);
            String[] headers = {"风险名称", "风险类别", "责任单位", "表现形式", "外部编号"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            String now = Instant.now().toString();
            for (int r = 1; r <= n; r++) {
                // A few large units, many small: every third row to the first unit, the rest spread.
                String[] unit = units.get(r % 3 == 0 ? 0 : 1 + (r * 7) % (units.size() - 1));
                int c = r % categories.length;
                String name = "批量风险" + r + "-" + tag;
                String manifestation = "第" + r + "条风险的表现形式，用于批量导入基准";
                String ref = "BENCH-" + tag + "-" + r;
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(name);
                row.createCell(1).setCellValue(categories[c]);
                row.createCell(2).setCellValue(unit[1]);
                row.createCell(3).setCellValue(manifestation);
                row.createCell(4).setCellValue(ref);
                UUID id = UUID.randomUUID();
                String code = "FB-" + tag.substring(0, 4) + "-" + r;
                risk.write(String.join(",", id.toString(), code, name, codes[c], manifestation, unit[0], "IDENTIFIED",
                        "IMPORT", ref + "-copy", "bench", "bench", now, now) + "\n");
                event.write(String.join(",", UUID.randomUUID().toString(), now, "bench", "bench", "IMPORT", "risk.created", "risk",
                        id.toString(), unit[0], "\"{\"\"code\"\": {\"\"after\"\": \"\"" + code + "\"\"}}\"", "import:bench") + "\n");
            }
            book.write(os);
            book.dispose();
        }
    }
}
