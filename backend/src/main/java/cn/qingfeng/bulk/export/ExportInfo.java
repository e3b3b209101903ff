package cn.qingfeng.bulk.export;

import cn.qingfeng.common.time.AppClock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Who exported what and when: the watermark of a workbook (its header, footer and 导出信息 sheet)
 * and the journal's record of the export share these facts.
 *
 * @param filters the filters as people read them, e.g. "状态：已下发"
 */
public record ExportInfo(UUID id, String ledgerLabel, String who, String username, String unit, Instant at,
                         ExportFormat format, String sort, List<String> filters) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AppClock.ZONE);

    public String when() {
        return TIME.format(at);
    }

    /** "张三（机关纪委）", or the name alone when the exporter has no unit (a service account). */
    public String exporter() {
        return unit == null ? who : who + "（" + unit + "）";
    }
}
