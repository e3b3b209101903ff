package cn.qingfeng.statistics;

import cn.qingfeng.common.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period in the office's calendar (dates are Asia/Shanghai days, both ends included):
 * a month {@code 2026-03}, a quarter {@code 2026Q1}, a half-year {@code 2026H1}, a year {@code 2026},
 * or any from–to. The previous period is the one a trend compares with.
 */
public record StatisticsPeriod(Kind kind, LocalDate from, LocalDate to, String code) {

    public enum Kind { MONTH, QUARTER, HALF_YEAR, YEAR, RANGE }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** From the request: {@code period}, or {@code from} and {@code to}; neither: the current half-year. */
    public static StatisticsPeriod of(String period, LocalDate from, LocalDate to, LocalDate today) {
        if (period != null && !period.isBlank()) {
            if (from != null || to != null) {
                throw ProblemException.invalidField("period", "period 与 from/to 只能给出一种");
            }
            return parse(period.trim());
        }
        if (from == null && to == null) {
            return half(today.getYear(), today.getMonthValue() <= 6 ? 1 : 2);
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalidField("to", "请给出有效的统计区间 from ≤ to");
        }
        if (ChronoUnit.DAYS.between(from, to) > 3660) {
            throw ProblemException.invalidField("to", "统计区间不能超过十年");
        }
        return new StatisticsPeriod(Kind.RANGE, from, to, from + "~" + to);
    }

    public static StatisticsPeriod parse(String code) {
        Matcher m;
        if ((m = MONTH.matcher(code)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw invalid();
            }
            YearMonth ym = YearMonth.of(year(m.group(1)), month);
            return new StatisticsPeriod(Kind.MONTH, ym.atDay(1), ym.atEndOfMonth(), ym.toString());
        }
        if ((m = QUARTER.matcher(code)).matches()) {
            int y = year(m.group(1));
            int q = Integer.parseInt(m.group(2));
            LocalDate start = LocalDate.of(y, (q - 1) * 3 + 1, 1);
            return new StatisticsPeriod(Kind.QUARTER, start, start.plusMonths(3).minusDays(1), y + "Q" + q);
        }
        if ((m = HALF.matcher(code)).matches()) {
            return half(year(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(code)).matches()) {
            int y = year(m.group(1));
            return new StatisticsPeriod(Kind.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), String.valueOf(y));
        }
        throw invalid();
    }

    private static StatisticsPeriod half(int year, int half) {
        LocalDate start = LocalDate.of(year, half == 1 ? 1 : 7, 1);
        return new StatisticsPeriod(Kind.HALF_YEAR, start, start.plusMonths(6).minusDays(1), year + "H" + half);
    }

    private static int year(String text) {
        int y = Integer.parseInt(text);
        if (y < 1900 || y > 2999) {
            throw invalid();
        }
        return y;
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("period", "统计周期形如 2026-03（月）、2026Q1（季）、2026H1（半年）或 2026（年）");
    }

    /** The period before this one, of the same kind (a range: as many days just before it). */
    public StatisticsPeriod previous() {
        return switch (kind) {
            case MONTH -> parse(YearMonth.from(from).minusMonths(1).toString());
            case QUARTER -> {
                LocalDate start = from.minusMonths(3);
                yield parse(start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1));
            }
            case HALF_YEAR -> half(from.minusMonths(6).getYear(), from.getMonthValue() == 1 ? 2 : 1);
            case YEAR -> parse(String.valueOf(from.getYear() - 1));
            case RANGE -> {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                LocalDate end = from.minusDays(1);
                yield new StatisticsPeriod(Kind.RANGE, end.minusDays(days - 1), end, end.minusDays(days - 1) + "~" + end);
            }
        };
    }

    /** The period in words (zh-CN), as a report's title names it: 2026年上半年, 2026年第一季度 … */
    public String words() {
        return switch (kind) {
            case MONTH -> from.getYear() + "年" + from.getMonthValue() + "月";
            case QUARTER -> from.getYear() + "年第" + "一二三四".charAt((from.getMonthValue() - 1) / 3) + "季度";
            case HALF_YEAR -> from.getYear() + "年" + (from.getMonthValue() == 1 ? "上半年" : "下半年");
            case YEAR -> from.getYear() + "年";
            case RANGE -> from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日至"
                    + to.getYear() + "年" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        };
    }

    /** The months the period touches, each cut to the period. */
    public java.util.List<LocalDate[]> months() {
        java.util.List<LocalDate[]> out = new java.util.ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate start = m.isBefore(from) ? from : m;
            LocalDate end = m.plusMonths(1).minusDays(1);
            out.add(new LocalDate[] {start, end.isAfter(to) ? to : end});
        }
        return out;
    }
}
