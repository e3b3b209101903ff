package cn.qingfeng.bulk.importing;

import cn.qingfeng.bulk.CellValues;
import cn.qingfeng.bulk.Column;
import cn.qingfeng.bulk.UnitDirectory;
import cn.qingfeng.common.problem.FieldViolation;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.unit.UnitEntity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one row's cells into typed values, collecting every problem instead of stopping at the
 * first. The request built from them is then held to the API's own constraints ({@link #validate}),
 * and a refusal of the service lands on the column of the field it names ({@link #refused}).
 */
public final class RowValues {

    private final SheetRow row;
    private final int groupRow;
    private final UnitDirectory units;
    private final List<RowProblem> problems;

    public RowValues(SheetRow row, int groupRow, UnitDirectory units, List<RowProblem> problems) {
        this.row = row;
        this.groupRow = groupRow;
        this.units = units;
        this.problems = problems;
    }

    public SheetRow row() {
        return row;
    }

    public String text(String key) {
        Column c = column(key);
        String v = row.raw(key);
        if (v == null) {
            if (c.required()) {
                problem(key, null, "import.required", "必填项未填写");
            }
            return null;
        }
        String t = v.strip();
        if (c.maxLength() > 0 && t.codePointCount(0, t.length()) > c.maxLength()) {
            problem(key, v, "import.too-long", "超过 " + c.maxLength() + " 字（现为 " + t.codePointCount(0, t.length()) + " 字）");
        }
        return t;
    }

    public LocalDate date(String key) {
        return read(key, CellValues::date);
    }

    public Integer integer(String key, int min, int max) {
        return read(key, v -> CellValues.integer(v, min, max));
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return read(key, v -> CellValues.choice(type, v));
    }

    public UnitEntity unit(String key) {
        return read(key, units::resolve);
    }

    public UUID unitId(String key) {
        UnitEntity u = unit(key);
        return u == null ? null : u.id;
    }

    public List<UnitEntity> unitList(String key) {
        String v = row.raw(key);
        List<UnitEntity> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String name : CellValues.list(v)) {
            try {
                out.add(units.resolve(name));
            } catch (CellValues.Unreadable e) {
                problem(key, v, "import.unreadable", e.getMessage());
            }
        }
        return out;
    }

    public List<String> lines(String key) {
        String v = row.raw(key);
        return v == null ? List.of() : CellValues.lines(v);
    }

    private interface Reader<T> {
        T read(String typed) throws CellValues.Unreadable;
    }

    private <T> T read(String key, Reader<T> reader) {
        Column c = column(key);
        String v = row.raw(key);
        if (v == null) {
            if (c.required()) {
                problem(key, null, "import.required", "必填项未填写");
            }
            return null;
        }
        try {
            return reader.read(v);
        } catch (CellValues.Unreadable e) {
            problem(key, v, "import.unreadable", e.getMessage());
            return null;
        }
    }

    /** The API's constraints on the request the row became (lengths, ranges, required fields). */
    public <T> void validate(Validator validator, T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        for (ConstraintViolation<T> v : violations) {
            String field = root(v.getPropertyPath());
            if (!alreadyReported(field)) {
                problem(field, row.raw(field), "import.invalid", v.getMessage());
            }
        }
    }

    /** A service's refusal of the row, on the column of each field it names (the row itself when it names none). */
    public List<RowProblem> refused(ProblemException e) {
        List<RowProblem> out = new ArrayList<>();
        if (e.violations().isEmpty()) {
            out.add(new RowProblem(row.sheetName(), row.row(), groupRow, null, null, e.code(), detail(e)));
        }
        for (FieldViolation f : e.violations()) {
            String field = f.field() == null ? "" : f.field().replaceAll("[.\\[].*", "");
            String header = row.sheet().column(field).isPresent() ? row.header(field) : null;
            out.add(new RowProblem(row.sheetName(), row.row(), groupRow, header, header == null ? null : clip(row.raw(field)), e.code(), f.message()));
        }
        return out;
    }

    private static String detail(ProblemException e) {
        return e.getMessage() == null ? e.title() : e.getMessage();
    }

    public void problem(String key, String value, String code, String message) {
        String header = row.sheet().column(key).isPresent() ? row.header(key) : null;
        problems.add(new RowProblem(row.sheetName(), row.row(), groupRow, header, clip(value), code, message));
    }

    private boolean alreadyReported(String key) {
        String header = row.header(key);
        return problems.stream().anyMatch(p -> p.row() == row.row() && p.sheet().equals(row.sheetName()) && header.equals(p.column()));
    }

    private Column column(String key) {
        return row.sheet().column(key).orElseThrow(() -> new IllegalArgumentException("no column " + key));
    }

    private static String root(Path path) {
        Iterator<Path.Node> nodes = path.iterator();
        return nodes.hasNext() ? nodes.next().getName() : "";
    }

    static String clip(String value) {
        if (value == null) {
            return null;
        }
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}
