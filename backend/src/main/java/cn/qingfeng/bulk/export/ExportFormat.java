package cn.qingfeng.bulk.export;

import cn.qingfeng.common.problem.ProblemException;

/** The file an export writes: a workbook (the default) or comma-separated text. */
public enum ExportFormat {
    XLSX("xlsx", ExportFormat.XLSX_TYPE),
    CSV("csv", ExportFormat.CSV_TYPE);

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_TYPE = "text/csv";
    /** The success response of every export, as the contract states it. */
    public static final String RESPONSE = "The file (Content-Disposition: attachment): an xlsx workbook or a UTF-8 CSV with a BOM";

    public final String extension;
    public final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format a request names; absent or blank: xlsx. */
    public static ExportFormat of(String requested) {
        if (requested == null || requested.isBlank()) {
            return XLSX;
        }
        for (ExportFormat f : values()) {
            if (f.extension.equals(requested)) {
                return f;
            }
        }
        throw ProblemException.invalidField("format", "导出格式只能是 xlsx 或 csv");
    }
}
