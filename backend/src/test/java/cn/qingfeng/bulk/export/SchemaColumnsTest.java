package cn.qingfeng.bulk.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.SheetSchema;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.rectification.RectificationViews.ItemView;
import cn.qingfeng.risk.RiskViews.RiskView;
import cn.qingfeng.task.TaskViews.TaskView;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The ledgers' exports write their workbooks' columns, all of them. */
class SchemaColumnsTest {

    /** Every column of the three workbooks has a value in its export (a column added to a schema must be given one). */
    @Test
    void everyLedgerColumnIsExported() throws Exception {
        check(LedgerSchemas.TASKS.main(), LedgerExports::task, new LedgerExports.TaskRow(blank(TaskView.class), List.of(), List.of()));
        check(LedgerSchemas.RECTIFICATIONS.main(), LedgerExports::rectification,
                new LedgerExports.Measured<>(blank(ItemView.class), List.of()));
        check(LedgerSchemas.RISKS.main(), LedgerExports::risk, new LedgerExports.Measured<>(blank(RiskView.class), List.of()));
    }

    private static <T> void check(SheetSchema sheet, BiFunction<T, String, Object> field, T row) {
        sheet.columns().forEach(c -> field.apply(row, c.key()));
        assertThat(SchemaColumns.of(sheet, field, new UnitDirectory(List.of())))
                .extracting(ExportColumn::header).containsExactlyElementsOf(sheet.columns().stream().map(Column::header).toList());
    }

    /** A record with every component absent (zero for primitives). */
    static <R extends Record> R blank(Class<R> type) throws Exception {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        Map<Class<?>, Object> zeros = Map.of(int.class, 0, long.class, 0L, boolean.class, false, double.class, 0.0);
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = zeros.get(types[i]);
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }
}
