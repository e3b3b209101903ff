package cn.qingfeng.bulk.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one export's rows into a file as they come, holding none of them: the header row first,
 * then {@link #row} per record, then {@link #finish}. {@link #close} releases what the writer
 * buffered on disk whether or not it finished.
 */
public interface SheetWriter extends Closeable {

    static SheetWriter open(ExportFormat format, Path file, String sheet, List<? extends ExportColumn<?>> columns,
                            ExportInfo info) throws IOException {
        return switch (format) {
            case XLSX -> new XlsxSheetWriter(file, sheet, columns, info);
            case CSV -> new CsvSheetWriter(file, columns);
        };
    }

    /** One record, its values in the columns' order (as {@link ExportColumn#value} gives them). */
    void row(Object[] values) throws IOException;

    /** Completes the file; {@code rows} is how many records were written. */
    void finish(long rows) throws IOException;
}
