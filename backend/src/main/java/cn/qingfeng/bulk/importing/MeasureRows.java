package cn.qingfeng.bulk.importing;

import cn.qingfeng.measure.MeasureRequests;
import cn.qingfeng.measure.MeasureView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Measures of an item or a risk: one per line of the main row's cell, and one per child row with owner and deadline. */
final class MeasureRows {

    private MeasureRows() {
    }

    static List<MeasureRequests.Add> read(RecordGroup group, RowValues main, ImportContext ctx, List<RowProblem> problems) {
        List<MeasureRequests.Add> out = new ArrayList<>();
        for (String line : main.lines("measures")) {
            out.add(new MeasureRequests.Add(line, null, null));
        }
        for (SheetRow child : group.children()) {
            RowValues c = ctx.values(child, group.main().row(), problems);
            MeasureRequests.Add add = new MeasureRequests.Add(c.text("content"), c.text("ownerName"), c.date("deadline"));
            c.validate(ctx.validator(), add);
            out.add(add);
        }
        return out;
    }

    /** The measures a record does not have yet (by content): an import adds, it never removes. */
    static List<MeasureRequests.Add> missing(List<MeasureRequests.Add> rows, List<MeasureView> existing) {
        Set<String> have = new LinkedHashSet<>();
        existing.forEach(m -> have.add(m.content().strip()));
        return rows.stream().filter(r -> r.content() != null && have.add(r.content().strip())).toList();
    }
}
