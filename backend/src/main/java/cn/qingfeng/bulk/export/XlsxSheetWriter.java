package cn.qingfeng.bulk.export;

import cn.qingfeng.common.time.AppClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook written through SXSSF: a window of rows in memory, the rest flushed (compressed) to
 * a temporary file; strings inline, so no shared-string table grows with the rows. Every text is a
 * string cell (never a formula), dates are date cells. The exporter's name, unit and the time stand
 * in the printed header and footer, in the document's properties and on the hidden 导出信息 sheet.
 */
final class XlsxSheetWriter implements SheetWriter {

    static final String INFO_SHEET = "导出信息";
    private static final int WINDOW = 100;

    private final Path file;
    private final ExportInfo info;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
    private final SXSSFSheet sheet;
    private final ExportColumn.Kind[] kinds;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final CellStyle quoted;
    private final CellStyle wrappedQuoted;
    private final CellStyle date;
    private final CellStyle time;
    private int next = 1;

    XlsxSheetWriter(Path file, String sheetName, List<? extends ExportColumn<?>> columns, ExportInfo info) {
        this.file = file;
        this.info = info;
        this.kinds = columns.stream().map(ExportColumn::kind).toArray(ExportColumn.Kind[]::new);
        this.sheet = workbook.createSheet(sheetName);
        this.text = style(false, false);
        this.wrapped = style(true, false);
        this.quoted = style(false, true);
        this.wrappedQuoted = style(true, true);
        this.date = formatted("yyyy-mm-dd");
        this.time = formatted("yyyy-mm-dd hh:mm:ss");
        CellStyle header = header(workbook);
        Row row = sheet.createRow(0);
        for (int i = 0; i < kinds.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(columns.get(i).header());
            c.setCellStyle(header);
            sheet.setColumnWidth(i, width(columns.get(i)) * 256);
        }
        sheet.createFreezePane(0, 1);
        watermark();
    }

    private void watermark() {
        String who = escape(info.exporter());
        sheet.getHeader().setLeft(escape("清风 · " + info.ledgerLabel()));
        sheet.getHeader().setRight("导出人：" + who);
        sheet.getFooter().setLeft(escape("导出时间：" + info.when() + "　导出编号：" + info.id()));
        sheet.getFooter().setRight("第 &P 页，共 &N 页");
        var core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreator(info.exporter());
        core.setTitle(info.ledgerLabel());
        core.setDescription("清风导出 " + info.id() + "，" + info.exporter() + "，" + info.when());
    }

    /** A header or footer treats "&" as the start of a code: a name's own "&" is doubled. */
    private static String escape(String s) {
        return s.replace("&", "&&");
    }

    @Override
    public void row(Object[] values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < kinds.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell c = row.createCell(i);
            switch (kinds[i]) {
                case TEXT -> {
                    String s = CellText.fitted(v.toString());
                    boolean multiLine = s.indexOf('\n') >= 0;
                    boolean formula = CellText.formulaLike(s);
                    c.setCellStyle(formula ? (multiLine ? wrappedQuoted : quoted) : (multiLine ? wrapped : text));
                    c.setCellValue(s);
                }
                case NUMBER -> c.setCellValue(((Number) v).doubleValue());
                case DATE -> {
                    c.setCellValue((LocalDate) v);
                    c.setCellStyle(date);
                }
                case TIME -> {
                    c.setCellValue(LocalDateTime.ofInstant((Instant) v, AppClock.ZONE));
                    c.setCellStyle(time);
                }
            }
        }
    }

    @Override
    public void finish(long rows) throws IOException {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, kinds.length - 1));
        infoSheet(rows);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** Who, when, which filters and how many rows: a hidden sheet the import passes over. */
    private void infoSheet(long rows) {
        SXSSFSheet s = workbook.createSheet(INFO_SHEET);
        List<Object[]> lines = new ArrayList<>();
        lines.add(new Object[]{"导出编号", info.id().toString()});
        lines.add(new Object[]{"台账", info.ledgerLabel()});
        lines.add(new Object[]{"导出人", info.who()});
        lines.add(new Object[]{"用户名", info.username()});
        lines.add(new Object[]{"所在单位", info.unit()});
        lines.add(new Object[]{"导出时间", info.when()});
        lines.add(new Object[]{"文件格式", info.format().extension});
        lines.add(new Object[]{"排序", info.sort() == null || info.sort().isBlank() ? "默认" : info.sort()});
        lines.add(new Object[]{"筛选条件", info.filters().isEmpty() ? "（无）" : String.join("\n", info.filters())});
        lines.add(new Object[]{"行数", rows});
        lines.add(new Object[]{"说明", "本文件由清风系统导出，仅供工作使用，请勿外传"});
        CellStyle bold = header(workbook);
        for (int i = 0; i < lines.size(); i++) {
            Row r = s.createRow(i);
            Cell k = r.createCell(0);
            k.setCellValue((String) lines.get(i)[0]);
            k.setCellStyle(bold);
            Cell v = r.createCell(1);
            Object value = lines.get(i)[1];
            if (value instanceof Long n) {
                v.setCellValue(n);
            } else if (value != null) {
                v.setCellValue(value.toString());
                v.setCellStyle(value.toString().indexOf('\n') >= 0 ? wrapped : text);
            }
        }
        s.setColumnWidth(0, 12 * 256);
        s.setColumnWidth(1, 60 * 256);
        workbook.setSheetHidden(workbook.getSheetIndex(s), true);
    }

    private CellStyle style(boolean wrap, boolean quotePrefix) {
        CellStyle s = workbook.createCellStyle();
        s.setWrapText(wrap);
        s.setQuotePrefixed(quotePrefix);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    private CellStyle formatted(String format) {
        CellStyle s = workbook.createCellStyle();
        s.setDataFormat(workbook.createDataFormat().getFormat(format));
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    /** Bold on grey with a thin border: a header row, here and in the import template. */
    static CellStyle header(org.apache.poi.ss.usermodel.Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle s = workbook.createCellStyle();
        s.setFont(bold);
        s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    /** Characters wide: enough for the header (a CJK character counts two) and a typical value. */
    static int width(ExportColumn<?> column) {
        int header = column.header().codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum() + 4;
        int typical = switch (column.kind()) {
            case DATE -> 12;
            case TIME -> 20;
            case NUMBER -> 8;
            case TEXT -> 16;
        };
        return Math.min(50, Math.max(header, typical));
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            workbook.dispose();
        }
    }
}
