package cn.qingfeng.bulk.export;

import java.util.function.Function;

/**
 * One column of an export: its Chinese header, how its cells are written, and how a row gives
 * its value (a String for TEXT, a Number for NUMBER, a LocalDate for DATE, an Instant for TIME;
 * null leaves the cell empty).
 */
public record ExportColumn<T>(String header, Kind kind, Function<T, ?> value) {

    /** How a cell is written: as text, a number, a calendar date, or a moment shown in Asia/Shanghai. */
    public enum Kind {
        TEXT, NUMBER, DATE, TIME
    }

    public static <T> ExportColumn<T> text(String header, Function<T, String> value) {
        return new ExportColumn<>(header, Kind.TEXT, value);
    }

    public static <T> ExportColumn<T> number(String header, Function<T, ? extends Number> value) {
        return new ExportColumn<>(header, Kind.NUMBER, value);
    }

    public static <T> ExportColumn<T> date(String header, Function<T, java.time.LocalDate> value) {
        return new ExportColumn<>(header, Kind.DATE, value);
    }

    public static <T> ExportColumn<T> time(String header, Function<T, java.time.Instant> value) {
        return new ExportColumn<>(header, Kind.TIME, value);
    }
}
