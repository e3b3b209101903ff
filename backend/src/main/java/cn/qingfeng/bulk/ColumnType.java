package cn.qingfeng.bulk;

/** How a cell is read and written. */
public enum ColumnType {
    TEXT,
    /** 2023-04-05, 2023/4/5, 2023.4.5, 2023年4月5日 or an Excel date serial. */
    DATE,
    /** A label, synonym or code of {@link Column#enumType()}. */
    ENUM,
    /** A unit by code or by name (an ambiguous name is a row error). */
    UNIT,
    /** Several units, separated by 、，,；; or new lines. */
    UNITS,
    /** A person by username or display name within the row's unit; other names stay as typed. */
    PERSON,
    /** A whole number; full-width digits are read too. */
    INT,
    /** One entry per line (measures typed into one cell). */
    LINES
}
