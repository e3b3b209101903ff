package cn.qingfeng.bulk.export;

/**
 * Text that a spreadsheet program would take for a formula (=, +, -, @, or a tab or carriage
 * return first, which some programs strip before looking) is neutralised: in CSV by a leading
 * apostrophe, in xlsx by a string cell with Excel's quote prefix (the cell's value stays the text).
 * Only text cells are looked at: a negative number is a number.
 */
public final class CellText {

    /** The longest text an xlsx cell holds. */
    static final int XLSX_MAX = 32_767;

    private CellText() {
    }

    public static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The text as a CSV cell carries it. */
    public static String neutralised(String text) {
        return formulaLike(text) ? "'" + text : text;
    }

    /** The text cut to what an xlsx cell holds, saying so at its end. */
    static String fitted(String text) {
        if (text.length() <= XLSX_MAX) {
            return text;
        }
        String mark = "…（超出单元格长度，已截断）";
        int end = XLSX_MAX - mark.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + mark;
    }
}
