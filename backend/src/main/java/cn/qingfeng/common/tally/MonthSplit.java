package cn.qingfeng.common.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A period of days cut into the whole months the kept counts answer and the days at either end
 * (or in a month whose counts depend on the time of asking) that are counted from the rows.
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

    /** The same split with {@code month} (a first day) counted from the rows instead, if it is among the whole months. */
    public MonthSplit countingRowsOf(LocalDate month) {
        List<Range> m = new ArrayList<>();
        List<Range> d = new ArrayList<>(days);
        for (Range r : months) {
            if (month.isBefore(r.from()) || month.isAfter(r.to())) {
                m.add(r);
                continue;
            }
            if (month.isAfter(r.from())) {
                m.add(new Range(r.from(), month.minusMonths(1)));
            }
            d.add(new Range(month, month.plusMonths(1).minusDays(1)));
            if (month.isBefore(r.to())) {
                m.add(new Range(month.plusMonths(1), r.to()));
            }
        }
        return new MonthSplit(m, d);
    }
}
