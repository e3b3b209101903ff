package cn.qingfeng.bulk.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as Excel on a Chinese desktop opens it without asking: UTF-8 with a BOM, CRLF between
 * records. No watermark rows: the file is read back by the import as it is.
 */
final class CsvSheetWriter implements SheetWriter {

    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get();

    private final Writer out;
    private final CSVPrinter printer;
    private final ExportColumn.Kind[] kinds;
    private final String[] cells;

    CsvSheetWriter(Path file, List<? extends ExportColumn<?>> columns) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.kinds = columns.stream().map(ExportColumn::kind).toArray(ExportColumn.Kind[]::new);
        this.cells = new String[kinds.length];
        out.write('\uFEFF');
        this.printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(columns.stream().map(ExportColumn::header).toList());
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < kinds.length; i++) {
            cells[i] = text(kinds[i], values[i]);
        }
        printer.printRecord((Object[]) cells);
    }

    private static String text(ExportColumn.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> CellText.neutralised(value.toString());
            case NUMBER -> value instanceof Double || value instanceof Float
                    ? BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString() : value.toString();
            case DATE -> value.toString();
            case TIME -> ExportInfo.TIME.format((Instant) value);
        };
    }

    @Override
    public void finish(long rows) throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
