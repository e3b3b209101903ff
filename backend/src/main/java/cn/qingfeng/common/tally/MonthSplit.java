package cn.qingfeng.common.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A period of days cut into the whole months the kept counts answer and the days at either end
 * that are counted from the rows.
 */
public record MonthSplit(List<Range> months, List<Range> days) {

    /** From and to, inclusive; for {@link #months()} both are first days of months. */
    public record Range(LocalDate from, LocalDate to) {
    }

    public static MonthSplit of(LocalDate from, LocalDate to) {
        LocalDate firstFull = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastFull = to.plusDays(1).withDayOfMonth(1);
        if (!to.plusDays(1).equals(afterLastFull)) {
            afterLastFull = to.withDayOfMonth(1);
        }
        List<Range> months = new ArrayList<>();
        List<Range> days = new ArrayList<>();
        if (!firstFull.isBefore(afterLastFull)) {
            days.add(new Range(from, to));
            return new MonthSplit(months, days);
        }
        if (from.isBefore(firstFull)) {
            days.add(new Range(from, firstFull.minusDays(1)));
        }
        months.add(new Range(firstFull, afterLastFull.minusMonths(1)));
        if (!afterLastFull.isAfter(to)) {
            days.add(new Range(afterLastFull, to));
        }
        return new MonthSplit(months, days);
    }
}
