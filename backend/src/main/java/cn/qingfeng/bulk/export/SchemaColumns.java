package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.SheetSchema;
import cn.qingfeng.bulk.UnitDirectory;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A ledger's export columns are its workbook's ({@link cn.qingfeng.bulk.LedgerSchemas}), every one
 * of them, each cell written as the import reads it back: enums by their label, units by the name
 * the directory gives them, several units joined with 、, measures one per line, dates as dates,
 * codes and references as stored. An exported sheet re-imported thus changes nothing.
 */
final class SchemaColumns {

    private SchemaColumns() {
    }

    /** {@code field} gives a row's value of a column key: the record's own (an enum, a unit id, a list …). */
    static <T> List<ExportColumn<T>> of(SheetSchema sheet, BiFunction<T, String, Object> field, UnitDirectory units) {
        return sheet.columns().stream().map(c -> column(c, field, units)).toList();
    }

    private static <T> ExportColumn<T> column(Column c, BiFunction<T, String, Object> field, UnitDirectory units) {
        String key = c.key();
        return switch (c.type()) {
            case TEXT, PERSON -> ExportColumn.text(c.header(), r -> (String) field.apply(r, key));
            case DATE -> ExportColumn.date(c.header(), r -> (LocalDate) field.apply(r, key));
            case INT -> ExportColumn.number(c.header(), r -> (Number) field.apply(r, key));
            case ENUM -> ExportColumn.text(c.header(), r -> ExportLabels.of((Enum<?>) field.apply(r, key)));
            case UNIT -> ExportColumn.text(c.header(), r -> {
                Object id = field.apply(r, key);
                return id == null ? null : units.label((UUID) id);
            });
            case UNITS -> ExportColumn.text(c.header(), r -> joined(ids(field.apply(r, key)).stream()
                    .map(units::label).filter(Objects::nonNull).toList(), "、"));
            case LINES -> ExportColumn.text(c.header(), r -> joined(strings(field.apply(r, key)), "\n"));
        };
    }

    private static String joined(List<String> parts, String separator) {
        return parts.isEmpty() ? null : String.join(separator, parts);
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Object value) {
        return value == null ? List.of() : (List<UUID>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
