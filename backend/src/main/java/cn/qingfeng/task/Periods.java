package cn.qingfeng.task;

import cn.qingfeng.task.TaskEnums.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods of recurring duties: weeks start on Monday, half-years in January and July. */
final class Periods {

    private Periods() {
    }

    static LocalDate startContaining(Recurrence r, LocalDate day) {
        return switch (r) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case HALF_YEARLY -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
            case NONE -> throw new IllegalArgumentException("not recurring");
        };
    }

    static LocalDate next(Recurrence r, LocalDate start) {
        return switch (r) {
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case HALF_YEARLY -> start.plusMonths(6);
            case NONE -> throw new IllegalArgumentException("not recurring");
        };
    }

    static LocalDate end(Recurrence r, LocalDate start) {
        return next(r, start).minusDays(1);
    }
}
