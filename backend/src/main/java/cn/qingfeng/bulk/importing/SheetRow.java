package cn.qingfeng.bulk.importing;

import cn.qingfeng.bulk.SheetSchema;
import java.util.Map;

/** A data row of a sheet, its cells by column key (only the columns the file has), with the file's headers for its report. */
public record SheetRow(SheetSchema sheet, String sheetName, int row, Map<String, String> cells, Map<String, String> headers) {

    public String raw(String key) {
        String v = cells.get(key);
        return v == null || v.isBlank() ? null : v;
    }

    /** The header the file gives the column, for the report (the template's when the file has none). */
    public String header(String key) {
        String h = headers.get(key);
        return h != null ? h : sheet.column(key).map(c -> c.header()).orElse(key);
    }
}
