package cn.qingfeng.bulk.read;

import cn.qingfeng.common.input.ArchiveInspector;
import cn.qingfeng.common.problem.ProblemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An uploaded spreadsheet, read as a stream of rows: xlsx through POI's SAX reader, CSV through commons-csv. */
public sealed interface TableFile permits XlsxFile, CsvFile {

    /** Limits of an xlsx container (the attachments' inspection, with a spreadsheet's sizes). */
    ArchiveInspector.Limits XLSX_LIMITS = new ArchiveInspector.Limits(1000, 512L * 1024 * 1024, 200);

    /** The encoding actually used (CSV), or null. */
    String encoding();

    void read(RowSink sink);

    enum Format { XLSX, CSV }

    /** What the file is, by its first bytes (not by its name). */
    static Format sniff(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.XLSX;
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            throw unreadable("import.xls-unsupported", "不支持旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入");
        }
        for (int i = 0; i < Math.min(head.length, 4096); i++) {
            if (head[i] == 0 && !(i < 2 && (head[0] & 0xff) >= 0xFE)) {
                throw unreadable("import.not-a-table", "文件不是 xlsx 或 CSV 表格");
            }
        }
        return Format.CSV;
    }

    static TableFile open(Path file, Format format, String encoding, String csvSheetName) {
        return switch (format) {
            case XLSX -> new XlsxFile(file);
            case CSV -> new CsvFile(file, encoding, csvSheetName);
        };
    }

    static ProblemException unreadable(String code, String detail) {
        return new ProblemException(422, code, "Unprocessable Content", detail, List.of(), Map.of());
    }
}
