package cn.qingfeng.bulk.importing;

import java.util.List;

/** A record's row with its child rows (assignments of a task, measures of an item or risk). */
public record RecordGroup(SheetRow main, List<SheetRow> children) {
}
