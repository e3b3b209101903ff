package cn.qingfeng.bulk;

import java.util.List;
import java.util.Optional;

/** One sheet of a ledger's workbook: the records, or their children linked by the parent's code or reference. */
public record SheetSchema(String name, boolean child, List<Column> columns) {

    /** The column a child row names its parent by. */
    public static final String PARENT = "parent";

    public Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public List<Column> writable() {
        return columns.stream().filter(c -> !c.readOnly()).toList();
    }
}
