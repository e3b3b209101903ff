package cn.qingfeng.bulk.export;

import cn.qingfeng.bulk.BulkLedger;
import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.ColumnType;
import cn.qingfeng.bulk.EnumLabels;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.LedgerSchemas.LedgerSchema;
import cn.qingfeng.bulk.SheetSchema;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.common.scope.CallerScope;
import cn.qingfeng.common.scope.DataScope;
import cn.qingfeng.unit.UnitEntity;
import cn.qingfeng.unit.UnitRepository;
import cn.qingfeng.user.AppUserEntity;
import cn.qingfeng.user.AppUserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The import template of a ledger, from its workbook ({@link LedgerSchemas}): a 填写说明 sheet that
 * states every column, then the records' sheet and the children's (writable columns only), with
 * bold headers (required ones red) each carrying a note, an example row, date columns formatted as
 * dates, and dropdowns for choices, units and people. Every list stands on the hidden sheet
 * {@code _lists} behind a named range (Excel refuses inline lists over 255 characters). Units and
 * people are those of the caller's scope: a unit officer's template names no other unit.
 */
@ApplicationScoped
public class ImportTemplates {

    static final String INSTRUCTIONS = "填写说明";
    static final String LISTS = "_lists";
    /** Data rows the dropdowns and formats cover: 2 … 10001. */
    static final int ROWS = 10_000;

    @Inject
    UnitRepository units;

    @Inject
    AppUserRepository users;

    @Inject
    CallerScope scope;

    /** The ledger's file name, e.g. 任务台账导入模板.xlsx. */
    public static String fileName(BulkLedger ledger) {
        return ledger.label + "导入模板.xlsx";
    }

    @Transactional
    public byte[] template(BulkLedger ledger) {
        DataScope visible = scope.current();
        UnitDirectory directory = new UnitDirectory(units.allInScope(DataScope.everything(), true));
        List<UnitEntity> active = units.allInScope(visible, false);
        List<String> unitNames = active.stream().map(u -> directory.label(u.id)).toList();
        List<String> people = new ArrayList<>(new TreeSet<>(users.listAll().stream()
                .filter(u -> u.unitId != null && visible.contains(u.unitId))
                .map((AppUserEntity u) -> u.displayName).filter(Objects::nonNull).toList()));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            new Builder(wb, LedgerSchemas.of(ledger), unitNames, people).build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One template being written. */
    private static final class Builder {
        private final XSSFWorkbook wb;
        private final LedgerSchema schema;
        private final List<String> unitNames;
        private final List<String> people;
        private final Map<String, String> ranges = new LinkedHashMap<>();
        private final CellStyle header;
        private final CellStyle required;
        private final CellStyle date;
        private final CellStyle wrapped;
        private final CellStyle example;
        private final CellStyle exampleDate;
        private XSSFSheet lists;

        Builder(XSSFWorkbook wb, LedgerSchema schema, List<String> unitNames, List<String> people) {
            this.wb = wb;
            this.schema = schema;
            this.unitNames = unitNames;
            this.people = people;
            this.header = XlsxSheetWriter.header(wb);
            this.required = XlsxSheetWriter.header(wb);
            Font red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            required.setFont(red);
            short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
            this.date = wb.createCellStyle();
            date.setDataFormat(dateFormat);
            this.wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            Font grey = wb.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            this.example = wb.createCellStyle();
            example.setFont(grey);
            this.exampleDate = wb.createCellStyle();
            exampleDate.setFont(grey);
            exampleDate.setDataFormat(dateFormat);
        }

        void build() {
            instructions();
            for (SheetSchema sheet : schema.sheets()) {
                data(sheet);
            }
            lists = lists == null ? wb.createSheet(LISTS) : lists;
            // Made with the first dropdown, it goes last: the sheets people fill in come first.
            wb.setSheetOrder(LISTS, wb.getNumberOfSheets() - 1);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
        }

        private void instructions() {
            XSSFSheet s = wb.createSheet(INSTRUCTIONS);
            String child = schema.child() == null ? null : schema.child().name();
            List<String> preface = new ArrayList<>(List.of(
                    schema.ledger().label + "导入模板 · 填写说明",
                    "1. 每行一条记录；第 2 行为示例（灰色斜体，外部编号为“" + LedgerSchemas.EXAMPLE_REF + "”），此类行不会导入，可保留或删除。",
                    "2. 红色列名为必填项；带下拉箭头的列请从列表中选择。",
                    "3. 日期填写为 2026-06-30（也可写 2026/6/30、2026.6.30 或 2026年6月30日）。",
                    "4. 已有记录填写“编号”即按编号更新该记录；新记录编号留空。"));
            if (child != null) {
                preface.add("5. “" + child + "”工作表每行通过第一列与“" + schema.main().name() + "”中的记录对应（编号或外部编号）。");
            }
            int r = 0;
            for (String line : preface) {
                XSSFCell c = s.createRow(r++).createCell(0);
                c.setCellValue(line);
                if (r == 1) {
                    c.setCellStyle(header);
                }
            }
            r++;
            String[] heads = {"工作表", "列名", "是否必填", "类型", "可选值 / 格式", "说明"};
            XSSFRow h = s.createRow(r++);
            for (int i = 0; i < heads.length; i++) {
                XSSFCell c = h.createCell(i);
                c.setCellValue(heads[i]);
                c.setCellStyle(header);
            }
            for (SheetSchema sheet : schema.sheets()) {
                for (Column col : sheet.writable()) {
                    XSSFRow row = s.createRow(r++);
                    String[] cells = {sheet.name(), col.header(), col.required() ? "必填" : "选填", type(col.type()),
                            allowed(col), col.note()};
                    for (int i = 0; i < cells.length; i++) {
                        if (cells[i] != null) {
                            XSSFCell c = row.createCell(i);
                            c.setCellValue(cells[i]);
                            c.setCellStyle(wrapped);
                        }
                    }
                }
            }
            int[] widths = {12, 16, 10, 10, 50, 50};
            for (int i = 0; i < widths.length; i++) {
                s.setColumnWidth(i, widths[i] * 256);
            }
        }

        private void data(SheetSchema sheet) {
            XSSFSheet s = wb.createSheet(sheet.name());
            XSSFDrawing drawing = s.createDrawingPatriarch();
            XSSFRow h = s.createRow(0);
            XSSFRow ex = s.createRow(1);
            List<Column> columns = sheet.writable();
            XSSFDataValidationHelper validations = new XSSFDataValidationHelper(s);
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                XSSFCell c = h.createCell(i);
                c.setCellValue(col.header());
                c.setCellStyle(col.required() ? required : header);
                ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                anchor.setCol1(i);
                anchor.setCol2(i + 3);
                anchor.setRow1(0);
                anchor.setRow2(5);
                Comment note = drawing.createCellComment(anchor);
                note.setString(wb.getCreationHelper().createRichTextString(comment(col)));
                note.setAuthor("清风");
                c.setCellComment(note);
                s.setColumnWidth(i, XlsxSheetWriter.width(new ExportColumn<>(col.header(),
                        col.type() == ColumnType.DATE ? ExportColumn.Kind.DATE : ExportColumn.Kind.TEXT, x -> null)) * 256);
                if (col.type() == ColumnType.DATE) {
                    s.setDefaultColumnStyle(i, date);
                }
                exampleCell(ex, i, sheet, col);
                validate(s, validations, i, col);
            }
            s.createFreezePane(0, 1);
        }

        private void exampleCell(XSSFRow row, int i, SheetSchema sheet, Column col) {
            String value = col.example();
            if (col.type() == ColumnType.UNIT) {
                // A real unit: the bureau for the issuing unit, another one of the caller's for the rest.
                value = unitNames.isEmpty() ? null
                        : unitNames.get(col.key().equals("issuingUnitId") || unitNames.size() == 1 ? 0 : 1);
            } else if (col.type() == ColumnType.PERSON && !people.isEmpty()) {
                value = people.get(0);
            } else if (!sheet.child() && col.key().equals("externalRef") && value == null && schema.child() != null) {
                // The children's example names their record by this reference: the example holds together.
                value = schema.child().column(SheetSchema.PARENT).map(Column::example).orElse(null);
            }
            if (value == null) {
                return;
            }
            XSSFCell c = row.createCell(i);
            if (col.type() == ColumnType.DATE) {
                c.setCellValue(LocalDate.parse(value));
                c.setCellStyle(exampleDate);
            } else if (col.type() == ColumnType.INT) {
                c.setCellValue(Integer.parseInt(value));
                c.setCellStyle(example);
            } else {
                c.setCellValue(value);
                c.setCellStyle(example);
            }
        }

        /** A dropdown over the column's data rows; choices refuse other text, units and people only warn. */
        private void validate(XSSFSheet s, XSSFDataValidationHelper helper, int i, Column col) {
            List<String> values = switch (col.type()) {
                case ENUM -> enumLabels(col);
                case UNIT -> unitNames;
                case PERSON -> people;
                default -> List.of();
            };
            DataValidationConstraint constraint;
            if (!values.isEmpty()) {
                constraint = helper.createFormulaListConstraint(range(col, values));
            } else if (col.type() == ColumnType.INT && col.key().matches("likelihood|impact")) {
                constraint = helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "1", "5");
            } else {
                return;
            }
            DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(1, ROWS, i, i));
            v.setErrorStyle(col.type() == ColumnType.ENUM || col.type() == ColumnType.INT
                    ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
            v.createErrorBox(col.header(), col.type() == ColumnType.INT ? "请填写 1–5 的整数" : "请从下拉列表中选择");
            v.setShowErrorBox(true);
            v.setEmptyCellAllowed(true);
            // POI's XSSF writes showDropDown = !suppress, and Excel hides the arrow when showDropDown is set.
            v.setSuppressDropDownArrow(true);
            s.addValidationData(v);
        }

        /** The named range of a list on {@code _lists}, written once however many columns use it. */
        private String range(Column col, List<String> values) {
            String key = switch (col.type()) {
                case UNIT -> "lst_units";
                case PERSON -> "lst_people";
                default -> "lst_" + col.enumType().getName().replaceAll(".*\\.", "").replace('$', '_');
            };
            return ranges.computeIfAbsent(key, k -> {
                if (lists == null) {
                    lists = wb.createSheet(LISTS);
                }
                int column = ranges.size();
                for (int r = 0; r < values.size(); r++) {
                    XSSFRow row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                    row.createCell(column).setCellValue(values.get(r));
                }
                String letter = CellReference.convertNumToColString(column);
                Name name = wb.createName();
                name.setNameName(k);
                name.setRefersToFormula("'" + LISTS + "'!$" + letter + "$1:$" + letter + "$" + values.size());
                return k;
            });
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static List<String> enumLabels(Column col) {
            return EnumLabels.labels((Class) col.enumType());
        }

        private String comment(Column col) {
            List<String> lines = new ArrayList<>();
            lines.add(col.header() + (col.required() ? "（必填）" : "（选填）"));
            lines.add("类型：" + type(col.type()));
            String allowed = allowed(col);
            if (allowed != null) {
                lines.add(allowed);
            }
            if (col.note() != null) {
                lines.add(col.note());
            }
            return String.join("\n", lines);
        }

        private static String type(ColumnType t) {
            return switch (t) {
                case TEXT -> "文本";
                case DATE -> "日期";
                case ENUM -> "选项";
                case UNIT -> "单位";
                case UNITS -> "多个单位";
                case PERSON -> "人员";
                case INT -> "整数";
                case LINES -> "多行文本";
            };
        }

        private static String allowed(Column col) {
            return switch (col.type()) {
                case ENUM -> "可选：" + String.join("、", enumLabels(col));
                case DATE -> "如 2026-06-30";
                case UNIT -> "单位全称或单位编码（见下拉列表）";
                case UNITS -> "单位全称或编码，多个用顿号（、）分隔";
                case PERSON -> "姓名（见下拉列表，也可填写其他人员）";
                case LINES -> "每行一条（单元格内换行：Alt+Enter）";
                case INT -> col.key().matches("likelihood|impact") ? "1–5 的整数" : "整数";
                case TEXT -> col.maxLength() > 0 ? "最多 " + col.maxLength() + " 字" : null;
            };
        }
    }
}
