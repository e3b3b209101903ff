package cn.qingfeng.bulk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two writers on their own: cell types, neutralised text, the watermark. */
class SheetWriterTest {

    record Line(String text, Integer number, LocalDate day, Instant at) {
    }

    private static final List<ExportColumn<Line>> COLUMNS = List.of(
            ExportColumn.text("文本", Line::text),
            ExportColumn.number("数字", Line::number),
            ExportColumn.date("日期", Line::day),
            ExportColumn.time("时间", Line::at));

    private static final ExportInfo INFO = new ExportInfo(UUID.randomUUID(), "测试台账", "张&三", "zhangsan", "办公室",
            Instant.parse("2026-12-01T16:30:00Z"), ExportFormat.XLSX, null, List.of("状态：已下发"));

    private static final List<Line> LINES = List.of(
            new Line("-3", -3, LocalDate.of(2026, 6, 30), Instant.parse("2026-12-01T16:30:00Z")),
            new Line("=HYPERLINK(\"http://x\")", null, null, null),
            new Line("+1", 0, null, null),
            new Line("@A1", null, null, null),
            new Line("\tcmd", null, null, null),
            new Line("\rcmd", null, null, null),
            new Line("第一行\n第二行", null, null, null),
            new Line("普通 = 文本", 42, null, null));

    private static Path write(Path dir, ExportFormat format, List<Line> lines) throws Exception {
        Path file = dir.resolve("out." + format.extension);
        try (SheetWriter w = SheetWriter.open(format, file, "测试", COLUMNS, INFO)) {
            for (Line l : lines) {
                w.row(COLUMNS.stream().map(c -> (Object) c.value().apply(l)).toArray());
            }
            w.finish(lines.size());
        }
        return file;
    }

    @Test
    void csvIsUtf8WithABomAndCrlfAndItsFormulaLikeTextNeutralised(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(write(dir, ExportFormat.CSV, LINES));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF文本,数字,日期,时间\r\n");
        assertThat(text).contains("'-3,-3,2026-06-30,2026-12-02 00:30:00\r\n")
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\",,,\r\n")
                .contains("'+1,0,,\r\n").contains("'@A1,,,\r\n").contains("'\tcmd,,,\r\n").contains("\"'\rcmd\",,,\r\n")
                .contains("\"第一行\n第二行\",,,\r\n").contains("普通 = 文本,42,,\r\n").endsWith("\r\n");
        assertThat(text).as("no watermark rows").doesNotContain("张").hasLineCount(LINES.size() + 3);
    }

    @Test
    void xlsxWritesStringsAsStringsNumbersAsNumbersAndDatesAsDates(@TempDir Path dir) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(write(dir, ExportFormat.XLSX, LINES)))) {
            XSSFSheet s = wb.getSheet("测试");
            for (Row r : s) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
            }
            Row first = s.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("-3");
            assertThat(first.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(1).getCellType()).as("a negative number is a number").isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(-3.0);
            assertThat(first.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(first.getCell(3).getLocalDateTimeCellValue()).hasToString("2026-12-02T00:30");
            for (int r = 2; r <= 6; r++) {
                assertThat(s.getRow(r).getCell(0).getCellStyle().getQuotePrefixed()).as("row " + r).isTrue();
            }
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(s.getRow(7).getCell(0).getCellStyle().getWrapText()).isTrue();
            assertThat(s.getRow(8).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
            // The watermark: header, footer, properties and the hidden sheet.
            assertThat(s.getHeader().getRight()).isEqualTo("导出人：张&&三（办公室）");
            assertThat(s.getFooter().getLeft()).contains("2026-12-02 00:30:00").contains(INFO.id().toString());
            assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo("张&三（办公室）");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("导出信息"))).isTrue();
            assertThat(wb.getSheet("导出信息").getRow(9).getCell(1).getNumericCellValue()).isEqualTo(LINES.size());
        }
    }

    @Test
    void textLongerThanACellHoldsIsCutAndSaysSo(@TempDir Path dir) throws Exception {
        String longText = "字".repeat(40_000);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(write(dir, ExportFormat.XLSX,
                List.of(new Line(longText, null, null, null)))))) {
            String cell = wb.getSheet("测试").getRow(1).getCell(0).getStringCellValue();
            assertThat(cell).hasSize(CellText.XLSX_MAX).endsWith("已截断）");
        }
        assertThat(Files.readString(write(dir, ExportFormat.CSV, List.of(new Line(longText, null, null, null))))).contains(longText);
    }
}
