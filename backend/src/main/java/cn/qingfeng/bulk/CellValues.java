package cn.qingfeng.bulk;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values as people type them into a sheet, read into what the API takes. Each parse says why it failed. */
public final class CellValues {

    /** A value that could not be read, with the message for the row's report. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.0+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}(\\.0+)?");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;\\r\\n]+");
    /** Excel's day 0 in the 1900 system (its phantom 29 February 1900 makes serials from 61 on count from here). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private CellValues() {
    }

    /** Full-width digits and punctuation made plain, for numbers and dates only (titles keep their 全角 text). */
    static String plain(String typed) {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).trim();
    }

    public static LocalDate date(String typed) throws Unreadable {
        String t = plain(typed);
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
        }
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new Unreadable("日期不存在：" + typed.trim());
            }
        }
        if (SERIAL.matcher(t).matches()) {
            long serial = (long) Double.parseDouble(t);
            // 1 = 1900-01-01 … 2958465 = 9999-12-31; serials before 61 fall before Excel's phantom leap day.
            if (serial >= 61 && serial <= 2958465) {
                return EXCEL_EPOCH.plusDays(serial);
            }
            if (serial >= 1 && serial < 61) {
                return EXCEL_EPOCH.plusDays(serial + 1);
            }
        }
        throw new Unreadable("无法识别的日期：" + typed.trim() + "（可写作 2023-04-05、2023/4/5、2023.4.5 或 2023年4月5日）");
    }

    public static int integer(String typed, Integer min, Integer max) throws Unreadable {
        String t = plain(typed).replace(",", "");
        if (!INTEGER.matcher(t).matches()) {
            throw new Unreadable("应为整数：" + typed.trim());
        }
        int value = (int) Double.parseDouble(t);
        if ((min != null && value < min) || (max != null && value > max)) {
            throw new Unreadable("应在 " + min + " 到 " + max + " 之间：" + typed.trim());
        }
        return value;
    }

    public static <E extends Enum<E>> E choice(Class<E> type, String typed) throws Unreadable {
        Optional<E> value = EnumLabels.parse(type, typed);
        if (value.isEmpty()) {
            value = EnumLabels.parse(type, plain(typed));
        }
        return value.orElseThrow(() -> new Unreadable("“" + typed.trim() + "”不是可选值，可选：" + String.join("、", EnumLabels.labels(type))));
    }

    public static List<String> list(String typed) {
        return Arrays.stream(SEPARATORS.split(typed)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static List<String> lines(String typed) {
        return typed.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
