package cn.qingfeng.bulk.importing;

import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.LedgerSchemas;
import cn.qingfeng.bulk.LedgerSchemas.LedgerSchema;
import cn.qingfeng.bulk.SheetSchema;
import cn.qingfeng.bulk.read.RowSink;
import cn.qingfeng.bulk.read.TableFile;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A ledger's workbook read as record groups, in two passes over the file: the first finds each
 * sheet's header row, matches the headers and indexes the child rows by the parent they name; the
 * second streams the records' rows with their children attached. Only the child rows are held.
 */
public final class WorkbookReader {

    /** How one header of the file was matched. */
    public record HeaderMatch(String sheet, String header, String key, String label) {
    }

    /** What the first pass learned. */
    public static final class Scan {
        public final List<HeaderMatch> headers = new ArrayList<>();
        public final List<RowProblem> problems = new ArrayList<>();
        public int records;
        final Map<String, Sheet> sheets = new HashMap<>();
        final Map<String, List<SheetRow>> children = new LinkedHashMap<>();

        /** A required column is missing: the rows are not read at all, the report says which column. */
        public boolean missingColumns;
    }

    /** A sheet of the file as a sheet of the schema, with its header row's positions. */
    static final class Sheet {
        final SheetSchema schema;
        final String name;
        int headerRow = -1;
        String[] keys = new String[0];
        final Map<String, String> headers = new HashMap<>();

        Sheet(SheetSchema schema, String name) {
            this.schema = schema;
            this.name = name;
        }
    }

    private static final List<String> NOT_DATA = List.of("填写说明", "_lists", "导出信息", "说明");

    private final LedgerSchema schema;
    private final Map<String, Map<String, String>> mapping;

    public WorkbookReader(LedgerSchema schema, Map<String, Map<String, String>> mapping) {
        this.schema = schema;
        this.mapping = mapping == null ? Map.of() : mapping;
    }

    public Scan scan(TableFile file) {
        Scan scan = new Scan();
        boolean[] mainSeen = {false};
        file.read((sheetName, row, cells) -> {
            Sheet sheet = scan.sheets.computeIfAbsent(sheetName, n -> classify(n, mainSeen));
            if (sheet == null || blank(cells)) {
                return;
            }
            if (sheet.headerRow < 0) {
                header(sheet, row, cells, scan);
                return;
            }
            SheetRow r = sheetRow(sheet, row, cells);
            if (example(r)) {
                return;
            }
            if (sheet.schema.child()) {
                String parent = r.raw(SheetSchema.PARENT);
                scan.children.computeIfAbsent(parent == null ? "" : parent.strip(), k -> new ArrayList<>()).add(r);
            } else {
                scan.records++;
            }
        });
        for (Sheet sheet : scan.sheets.values()) {
            if (sheet == null || sheet.headerRow < 0) {
                continue;
            }
            for (Column c : sheet.schema.writable()) {
                if (c.required() && !sheet.headers.containsKey(c.key())) {
                    scan.problems.add(new RowProblem(sheet.name, sheet.headerRow, 0, c.header(), null, "import.missing-column",
                            "缺少必填列“" + c.header() + "”（可在列映射中指定对应的列）"));
                    scan.missingColumns = true;
                }
            }
        }
        if (scan.sheets.values().stream().noneMatch(s -> s != null && !s.schema.child() && s.headerRow >= 0)) {
            scan.problems.add(new RowProblem(schema.main().name(), 1, 0, null, null, "import.no-sheet",
                    "文件中没有找到“" + schema.main().name() + "”表的表头行"));
            scan.missingColumns = true;
        }
        return scan;
    }

    /** The second pass: each record row with the child rows that name it; children naming no record are reported. */
    public void groups(TableFile file, Scan scan, Consumer<RecordGroup> each, Consumer<RowProblem> orphan) {
        Map<String, List<SheetRow>> children = new HashMap<>(scan.children);
        RowSink sink = (sheetName, row, cells) -> {
            Sheet sheet = scan.sheets.get(sheetName);
            if (sheet == null || sheet.schema.child() || row <= sheet.headerRow || blank(cells)) {
                return;
            }
            SheetRow r = sheetRow(sheet, row, cells);
            if (example(r)) {
                return;
            }
            List<SheetRow> mine = new ArrayList<>();
            for (String key : new String[]{r.raw("code"), r.raw("externalRef")}) {
                if (key != null) {
                    List<SheetRow> found = children.remove(key.strip());
                    if (found != null) {
                        mine.addAll(found);
                    }
                }
            }
            each.accept(new RecordGroup(r, mine));
        };
        file.read(sink);
        for (List<SheetRow> left : children.values()) {
            for (SheetRow r : left) {
                String parent = r.raw(SheetSchema.PARENT);
                orphan.accept(new RowProblem(r.sheetName(), r.row(), r.row(), r.header(SheetSchema.PARENT), parent, "import.no-parent",
                        parent == null ? "未填写所属记录" : "主表中没有编号或外部编号为“" + parent.strip() + "”的记录"));
            }
        }
    }

    private Sheet classify(String name, boolean[] mainSeen) {
        String n = name.strip();
        if (schema.child() != null && n.equals(schema.child().name())) {
            return new Sheet(schema.child(), name);
        }
        if (n.equals(schema.main().name()) || (!mainSeen[0] && !NOT_DATA.contains(n))) {
            mainSeen[0] = true;
            return new Sheet(schema.main(), name);
        }
        return null;
    }

    private void header(Sheet sheet, int row, List<String> cells, Scan scan) {
        sheet.headerRow = row;
        sheet.keys = new String[cells.size()];
        Map<String, String> names = new HashMap<>();
        for (Column c : sheet.schema.columns()) {
            for (String name : c.names()) {
                names.putIfAbsent(normalise(name), c.key());
            }
        }
        Map<String, String> chosen = mapping.getOrDefault(sheet.name, Map.of());
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i).strip();
            if (header.isEmpty()) {
                continue;
            }
            String key = chosen.containsKey(header) ? blankToNull(chosen.get(header)) : names.get(normalise(header));
            Column column = key == null ? null : sheet.schema.column(key).orElse(null);
            if (column != null && sheet.headers.containsKey(key)) {
                scan.problems.add(new RowProblem(sheet.name, row, 0, header, null, "import.duplicate-column",
                        "列“" + header + "”与“" + sheet.headers.get(key) + "”都对应“" + column.header() + "”，已忽略后者"));
                column = null;
            }
            if (column != null && column.readOnly()) {
                column = null;
            }
            scan.headers.add(new HeaderMatch(sheet.name, header, column == null ? null : column.key(), column == null ? null : column.header()));
            if (column != null) {
                sheet.keys[i] = column.key();
                sheet.headers.put(column.key(), header);
            }
        }
    }

    private static SheetRow sheetRow(Sheet sheet, int row, List<String> cells) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(cells.size(), sheet.keys.length); i++) {
            if (sheet.keys[i] != null) {
                values.put(sheet.keys[i], cells.get(i));
            }
        }
        for (String key : sheet.headers.keySet()) {
            values.putIfAbsent(key, "");
        }
        return new SheetRow(sheet.schema, sheet.name, row, values, sheet.headers);
    }

    /** The template's example row (its reference, or its link to the example record), left in the file. */
    private static boolean example(SheetRow r) {
        String ref = r.raw(r.sheet().child() ? SheetSchema.PARENT : "externalRef");
        return ref != null && ref.strip().equals(LedgerSchemas.EXAMPLE_REF);
    }

    static String normalise(String header) {
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return h.replaceAll("\\(必填\\)|\\(选填\\)|[*\\s_]", "");
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
